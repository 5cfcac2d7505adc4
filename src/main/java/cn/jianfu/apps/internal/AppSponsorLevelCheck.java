package cn.jianfu.apps.internal;

import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.platform.Bilingual;

/**
 * Units below county level do not build apps (国办函〔2026〕12号): a sponsor below the
 * rulebook's lowest level is refused.
 */
@Component
class AppSponsorLevelCheck extends AppCheck {

	static final String CODE = "app.sponsor-level";

	static final String RULE = "app.sponsor.min-level";

	AppSponsorLevelCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, AppDetails app, GateContext context) {
		int lowest = context.rules().integer(RULE);
		int level = UnitLevel.ofCode(demand.issuerUnitCode()).number();
		if (level <= lowest) {
			return Stream.empty();
		}
		return Stream.of(finding(Severity.BLOCK,
				"sponsor " + demand.issuerUnitCode() + " level=" + level + ", lowest allowed=" + lowest, context, level,
				lowest));
	}

}
