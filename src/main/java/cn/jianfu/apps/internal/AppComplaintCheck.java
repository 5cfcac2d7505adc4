package cn.jianfu.apps.internal;

import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * Every app has a complaint function (国办函〔2026〕12号): a registration without a link to it
 * needs a justification.
 */
@Component
class AppComplaintCheck extends AppCheck {

	static final String CODE = "app.complaint";

	static final String RULE = "app.complaint.required";

	AppComplaintCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, AppDetails app, GateContext context) {
		if (!context.rules().flag(RULE) || app.complaintUrl() != null) {
			return Stream.empty();
		}
		return Stream.of(finding(Severity.JUSTIFY, "no complaint link", context));
	}

}
