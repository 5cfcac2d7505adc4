package cn.jianfu.gate.checks;

import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.CitedCheck;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * The burden-consistency assessment (为基层减负一致性评估): missing, or scored below the rulebook's
 * minimum, it needs a justification.
 */
@Component
class AssessmentCheck extends CitedCheck {

	static final String CODE = "assessment";

	static final String RULE = "assessment.min-score";

	AssessmentCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		int minimum = context.rules().integer(RULE);
		Integer score = demand.assessmentScore();
		if (score != null && score >= minimum) {
			return Stream.empty();
		}
		String shown = score == null ? "none" : score.toString();
		return Stream.of(Finding.of(this.messages, CODE, Severity.JUSTIFY, "score=" + shown + ", minimum=" + minimum,
				context.rules().source(RULE), shown, minimum));
	}

}
