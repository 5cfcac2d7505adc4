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
 * 同类事项合并: another issuer's plan item with the same targets, a window near this one and a
 * related field is a merge proposal; the issuer justifies running both, with the other
 * item as evidence.
 */
@Component
class InspectionSimilarCheck extends InspectionCheck {

	static final String CODE = "inspection.similar";

	static final String OVERLAP = "inspection.similar.target-overlap";

	static final String WINDOW = "inspection.similar.month-window";

	private final InspectionPlan plan;

	InspectionSimilarCheck(Bilingual messages, InspectionPlan plan) {
		super(CODE, OVERLAP, messages);
		this.plan = plan;
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, InspectionDetails details, GateContext context) {
		int overlap = context.rules().integer(OVERLAP);
		int window = context.rules().integer(WINDOW);
		Similarity.Profile profile = details.profile(demand.recipientUnitCodes());
		List<PlanItem> similar = this.plan.touching(details.year(), Similarity.townships(demand.recipientUnitCodes()))
			.stream()
			.filter(i -> details.planItem() == null || i.id() != details.planItem())
			.filter(i -> !i.sameIssuer(demand.issuerUnitCode(), demand.issuerDepartmentId()))
			.filter(i -> Similarity.similar(profile, i.profile(), overlap, window))
			.toList();
		if (similar.isEmpty()) {
			return Stream.empty();
		}
		PlanItem first = similar.get(0);
		String evidence = "merge with " + similar.stream()
			.limit(5)
			.map(i -> "#" + i.id() + " " + i.issuerName() + " 《" + i.title() + "》 months="
					+ InspectionPlan.joinMonths(i.months()))
			.collect(Collectors.joining("; "));
		return Stream.of(finding(Severity.JUSTIFY, evidence, context, similar.size(), first.issuerName(), first.title(),
				first.id()));
	}

}
