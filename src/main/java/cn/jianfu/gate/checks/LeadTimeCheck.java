package cn.jianfu.gate.checks;

import java.util.Locale;
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
 * A due date fewer working days after today than the kind's minimum lead time, counted on
 * the official calendar, needs a justification.
 */
@Component
class LeadTimeCheck extends CitedCheck {

	static final String CODE = "lead-time";

	LeadTimeCheck(Bilingual messages) {
		super(CODE, ruleKey(DemandKind.DATA_REQUEST), messages);
	}

	static String ruleKey(DemandKind kind) {
		return "lead-time." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		if (demand.dueDate() == null) {
			return Stream.empty();
		}
		String rule = ruleKey(demand.kind());
		int minimum = context.rules().integer(rule);
		int days = context.calendar().workingDaysBetween(context.today(), demand.dueDate());
		if (days >= minimum) {
			return Stream.empty();
		}
		String evidence = "today=" + context.today() + ", due=" + demand.dueDate() + ", working days=" + days
				+ ", minimum=" + minimum + " (" + rule + ")";
		return Stream.of(Finding.of(this.messages, CODE, Severity.JUSTIFY, evidence, context.rules().source(rule), days,
				minimum, demand.dueDate().toString()));
	}

}
