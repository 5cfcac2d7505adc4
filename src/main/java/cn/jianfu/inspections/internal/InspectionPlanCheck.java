package cn.jianfu.inspections.internal;

import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * 一事一报: an inspection that is not an item of the issuer's plan for its year needs a
 * justification of its own.
 */
@Component
class InspectionPlanCheck extends InspectionCheck {

	static final String CODE = "inspection.plan";

	static final String RULE = "inspection.plan.required";

	private final InspectionPlan plan;

	InspectionPlanCheck(Bilingual messages, InspectionPlan plan) {
		super(CODE, RULE, messages);
		this.plan = plan;
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, InspectionDetails details, GateContext context) {
		if (!context.rules().flag(RULE)) {
			return Stream.empty();
		}
		Optional<PlanItem> item = details.planItem() == null ? Optional.empty()
				: this.plan.find(details.planItem())
					.filter(i -> i.sameIssuer(demand.issuerUnitCode(), demand.issuerDepartmentId()))
					.filter(i -> i.year() == details.year());
		if (item.isPresent()) {
			return Stream.empty();
		}
		String evidence = details.planItem() == null ? "no plan item, year " + details.year()
				: "plan item " + details.planItem() + " is not the issuer's item for " + details.year();
		return Stream.of(finding(Severity.JUSTIFY, evidence, context, details.year()));
	}

}
