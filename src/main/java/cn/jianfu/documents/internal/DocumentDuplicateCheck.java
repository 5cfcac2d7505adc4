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
 * A document that repeats an issued demand (Jaccard at least
 * {@code document.duplicate.jaccard}) is blocked, naming the gate number it repeats.
 */
@Component
class DocumentDuplicateCheck extends CitedCheck {

	static final String CODE = "document.duplicate";

	static final String RULE = "document.duplicate.jaccard";

	private final SimilarDemands similar;

	DocumentDuplicateCheck(SimilarDemands similar, Bilingual messages) {
		super(CODE, RULE, messages);
		this.similar = similar;
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		double threshold = context.rules().decimal(RULE).doubleValue();
		return this.similar.of(demand, context)
			.stream()
			.filter(r -> r.gateNumber() != null && r.jaccard() >= threshold && !r.relation().equals("reissue"))
			.limit(1)
			.map(r -> this.similar.finding(CODE, Severity.BLOCK, SimilarDemands.describe(r),
					context.rules().source(RULE), r.gateNumber(), Math.round(r.jaccard() * 100)));
	}

}
