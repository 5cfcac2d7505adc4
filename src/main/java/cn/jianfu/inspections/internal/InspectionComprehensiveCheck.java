package cn.jianfu.inspections.internal;

import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * A department runs at most so many comprehensive inspections a year (one, by the rules):
 * another one is refused, counting its plan items and its comprehensive inspections
 * outside the plan.
 */
@Component
class InspectionComprehensiveCheck extends InspectionCheck {

	static final String CODE = "inspection.comprehensive";

	static final String RULE = InspectionPlan.COMPREHENSIVE_RULE;

	private final InspectionPlan plan;

	private final InspectionDemands demands;

	InspectionComprehensiveCheck(Bilingual messages, InspectionPlan plan, InspectionDemands demands) {
		super(CODE, RULE, messages);
		this.plan = plan;
		this.demands = demands;
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, InspectionDetails details, GateContext context) {
		if (!details.comprehensive()) {
			return Stream.empty();
		}
		int max = context.rules().integer(RULE);
		long planned = this.plan.comprehensiveItems(demand.issuerUnitCode(), demand.issuerDepartmentId(),
				details.year(), details.planItem());
		long outside = this.demands.comprehensiveOutsidePlan(demand.issuerUnitCode(), demand.issuerDepartmentId(),
				details.year(), demand.id());
		long others = planned + outside;
		if (others < max) {
			return Stream.empty();
		}
		String evidence = "comprehensive " + details.year() + ": plan items=" + planned + ", outside the plan="
				+ outside + ", max=" + max;
		return Stream.of(finding(Severity.BLOCK, evidence, context, details.year(), others, max));
	}

}
