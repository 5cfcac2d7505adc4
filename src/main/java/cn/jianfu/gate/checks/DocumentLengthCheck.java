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
 * A document longer than the limit (lower for a special task), counted without whitespace
 * after normalisation, needs a justification.
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
		int length = length(demand);
		if (length <= limit) {
			return Stream.empty();
		}
		String evidence = "length=" + length + (length != demand.length() ? " (normalised document)" : "") + ", limit="
				+ limit + " (" + rule + ")";
		return Stream.of(Finding.of(this.messages, CODE, Severity.JUSTIFY, evidence, context.rules().source(rule),
				length, limit));
	}

	/**
	 * The length the rule counts: the normalised document's ({@code document.length},
	 * written by the documents module when it drafts a demand from a file: no markup,
	 * boilerplate or garbled runs, Simplified) while the body is still the one it
	 * measured ({@code document.length.body}); otherwise the body without whitespace.
	 */
	static int length(DemandSnapshot demand) {
		String measured = demand.details().get("document.length");
		String body = demand.details().get("document.length.body");
		if (measured != null && body != null && body.equals(Integer.toString(demand.length()))) {
			try {
				return Math.max(0, Integer.parseInt(measured));
			}
			catch (NumberFormatException ex) {
				return demand.length();
			}
		}
		return demand.length();
	}

}
