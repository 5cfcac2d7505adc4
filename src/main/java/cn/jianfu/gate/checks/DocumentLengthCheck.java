package cn.jianfu.gate.checks;

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
 * A document longer than the limit (lower for a special task), counted without
 * whitespace, needs a justification.
 */
@Component
class DocumentLengthCheck extends CitedCheck {

	static final String CODE = "document.length";

	static final String RULE = "document.max-length";

	static final String RULE_SPECIAL = "document.max-length.special";

	DocumentLengthCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		if (demand.kind() != DemandKind.DOCUMENT) {
			return Stream.empty();
		}
		String rule = demand.specialTask() ? RULE_SPECIAL : RULE;
		int limit = context.rules().integer(rule);
		int length = demand.length();
		if (length <= limit) {
			return Stream.empty();
		}
		String evidence = "length=" + length + ", limit=" + limit + " (" + rule + ")";
		return Stream.of(Findings.of(this.messages, CODE, Severity.JUSTIFY, evidence, context.rules().source(rule),
				length, limit));
	}

}
