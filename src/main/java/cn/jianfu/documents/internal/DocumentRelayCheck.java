package cn.jianfu.documents.internal;

import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.CitedCheck;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * 以文件落实文件: a document that contains most of another unit's document (at least
 * {@code document.relay.containment} of it) when its parent demand does not require
 * relays (or it has none) needs a justification; the evidence names the contained
 * document and the parent.
 */
@Component
class DocumentRelayCheck extends CitedCheck {

	static final String CODE = "document.relay";

	static final String RULE = "document.relay.containment";

	private final SimilarDemands similar;

	DocumentRelayCheck(SimilarDemands similar, Bilingual messages) {
		super(CODE, RULE, messages);
		this.similar = similar;
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		DemandSnapshot parent = context.parent().orElse(null);
		if (parent != null && parent.requiresRelay()) {
			return Stream.empty();
		}
		double threshold = context.rules().decimal(RULE).doubleValue();
		return this.similar.of(demand, context)
			.stream()
			.filter(r -> !r.ownerUnitCode().equals(demand.issuerUnitCode()) && r.inQuery() >= threshold
					&& r.jaccard() < 0.8)
			.limit(1)
			.map(r -> this.similar.finding(CODE, Severity.JUSTIFY,
					SimilarDemands.describe(r) + (parent == null ? "; no parent demand"
							: "; parent demand " + parent.id() + " does not require relays"),
					context.rules().source(RULE), r.title() == null ? "#" + r.id() : r.title(),
					Math.round(r.inQuery() * 100)));
	}

}
