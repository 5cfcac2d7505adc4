package cn.jianfu.documents.internal;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.CitedCheck;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * 改头换面、拆分、合并: a document that overlaps the issuer's own issued demands (at least
 * {@code document.rename.containment} either way, short of a duplicate) needs a
 * justification: renamed (partial reuse), split (contained in one) or bundled (containing
 * several).
 */
@Component
class DocumentRenameCheck extends CitedCheck {

	static final String CODE = "document.rename";

	static final String RULE = "document.rename.containment";

	private final SimilarDemands similar;

	DocumentRenameCheck(SimilarDemands similar, Bilingual messages) {
		super(CODE, RULE, messages);
		this.similar = similar;
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		double threshold = context.rules().decimal(RULE).doubleValue();
		double duplicate = context.rules().decimal(DocumentDuplicateCheck.RULE).doubleValue();
		List<Corpus.Related> own = this.similar.of(demand, context)
			.stream()
			.filter(r -> r.gateNumber() != null && r.ownerUnitCode().equals(demand.issuerUnitCode())
					&& r.jaccard() < duplicate && r.containment() >= threshold && !r.relation().equals("reissue"))
			.toList();
		if (own.isEmpty()) {
			return Stream.empty();
		}
		String how = own.size() >= 2 && own.stream().allMatch(r -> r.inQuery() >= threshold) ? "bundle"
				: own.get(0).ofQuery() >= threshold && own.get(0).inQuery() < threshold ? "split" : "rename";
		String gates = own.stream().map(Corpus.Related::gateNumber).collect(Collectors.joining("、"));
		String evidence = how + ": " + own.stream().map(SimilarDemands::describe).collect(Collectors.joining("; "));
		return Stream.of(this.similar.finding(CODE + "." + how, Severity.JUSTIFY, evidence,
				context.rules().source(RULE), gates));
	}

}
