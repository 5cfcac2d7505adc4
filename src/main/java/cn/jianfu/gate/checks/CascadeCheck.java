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
 * 以文件落实文件、以会议落实会议: a demand that relays its parent (a supporting document, a relaying
 * meeting) when there is no parent or the parent does not require it needs a
 * justification; the evidence shows how far the cascade fans out.
 */
@Component
class CascadeCheck extends CitedCheck {

	static final String CODE = "cascade.relay";

	static final String RULE_DOCUMENT = "document.no-relay-requirement";

	static final String RULE_MEETING = "meeting.no-relay";

	CascadeCheck(Bilingual messages) {
		super(CODE, RULE_DOCUMENT, messages);
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		String rule = demand.kind() == DemandKind.MEETING ? RULE_MEETING : RULE_DOCUMENT;
		if (!demand.relaysParent() || !context.rules().flag(rule)) {
			return Stream.empty();
		}
		DemandSnapshot parent = context.parent().orElse(null);
		if (parent != null && parent.requiresRelay()) {
			return Stream.empty();
		}
		String evidence = "fan-out "
				+ Findings.fanOut(context.recipients().stream().map(cn.jianfu.org.Unit::code).toList())
				+ (parent == null ? "; no parent demand" : "; parent " + parent.id()
						+ " does not require relaying, its fan-out " + Findings.fanOut(parent.recipientUnitCodes()));
		return Stream.of(Finding.of(this.messages, CODE, Severity.JUSTIFY, evidence, context.rules().source(rule),
				context.recipients().size()));
	}

}
