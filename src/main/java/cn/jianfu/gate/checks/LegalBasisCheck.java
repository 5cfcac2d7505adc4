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
 * A demand that names no legal basis (依据) gets a warning.
 */
@Component
class LegalBasisCheck extends CitedCheck {

	static final String CODE = "legal-basis";

	static final String RULE = "legal-basis.required";

	LegalBasisCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		if (!context.rules().flag(RULE) || (demand.legalBasis() != null && !demand.legalBasis().isBlank())) {
			return Stream.empty();
		}
		return Stream
			.of(Finding.of(this.messages, CODE, Severity.WARN, "legalBasis=none", context.rules().source(RULE)));
	}

}
