package cn.jianfu.inspections.internal;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * 拆包分包: one department running several items in the same field on the same targets in a
 * year looks like one item split into small ones; beyond the rulebook's number the issuer
 * justifies it.
 */
@Component
class InspectionSplitCheck extends InspectionCheck {

	static final String CODE = "inspection.split";

	static final String RULE = "inspection.split.max-items-per-field";

	private final InspectionPlan plan;

	InspectionSplitCheck(Bilingual messages, InspectionPlan plan) {
		super(CODE, RULE, messages);
		this.plan = plan;
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, InspectionDetails details, GateContext context) {
		int max = context.rules().integer(RULE);
		int overlap = context.rules().integer(InspectionSimilarCheck.OVERLAP);
		List<PlanItem> siblings = this.plan
			.ofIssuer(demand.issuerUnitCode(), demand.issuerDepartmentId(), details.year())
			.stream()
			.filter(i -> details.planItem() == null || i.id() != details.planItem())
			.filter(i -> Similarity.relatedFields(details.fields(), i.fields()))
			.filter(i -> Similarity.sameTargets(demand.recipientUnitCodes(), i.targets(), overlap))
			.toList();
		int total = siblings.size() + 1;
		if (total <= max) {
			return Stream.empty();
		}
		String evidence = "same field and targets " + details.year() + ": "
				+ siblings.stream()
					.limit(5)
					.map(i -> "#" + i.id() + " 《" + i.title() + "》")
					.collect(Collectors.joining("; "))
				+ ", max=" + max;
		return Stream.of(finding(Severity.JUSTIFY, evidence, context, total, max, details.year()));
	}

}
