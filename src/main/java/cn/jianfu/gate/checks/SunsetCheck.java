package cn.jianfu.gate.checks;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.CitedCheck;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * Data requests and apps expire: without an expiry, or with one further ahead than the
 * rulebook allows, they need a justification.
 */
@Component
class SunsetCheck extends CitedCheck {

	static final String CODE = "sunset";

	static final String RULE = "sunset.max-years";

	static final Set<DemandKind> KINDS = EnumSet.of(DemandKind.DATA_REQUEST, DemandKind.APP);

	SunsetCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		if (!KINDS.contains(demand.kind())) {
			return Stream.empty();
		}
		int years = context.rules().integer(RULE);
		java.time.LocalDate latest = context.today().plusYears(years);
		if (demand.expiresOn() != null && !demand.expiresOn().isAfter(latest)) {
			return Stream.empty();
		}
		String expires = demand.expiresOn() == null ? "none" : demand.expiresOn().toString();
		String evidence = "expiresOn=" + expires + ", latest allowed=" + latest + " (" + years + " years)";
		return Stream.of(Finding.of(this.messages, CODE, Severity.JUSTIFY, evidence, context.rules().source(RULE),
				expires, years, latest.toString()));
	}

}
