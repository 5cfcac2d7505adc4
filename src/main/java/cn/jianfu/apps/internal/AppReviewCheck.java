package cn.jianfu.apps.internal;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * Apps are reviewed yearly (sunset): a registration whose expiry is missing or further
 * away than the review period needs a justification.
 */
@Component
class AppReviewCheck extends AppCheck {

	static final String CODE = "app.review";

	static final String RULE = AppRegistry.REVIEW_RULE;

	AppReviewCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, AppDetails app, GateContext context) {
		int months = context.rules().integer(RULE);
		LocalDate latest = context.today().plusMonths(months);
		if (demand.expiresOn() != null && !demand.expiresOn().isAfter(latest)) {
			return Stream.empty();
		}
		String evidence = "expires " + (demand.expiresOn() == null ? "never" : demand.expiresOn()) + ", review by "
				+ latest;
		return Stream.of(finding(Severity.JUSTIFY, evidence, context, months, latest));
	}

}
