package cn.jianfu.inspections.internal;

import java.util.stream.Stream;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.CitedCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * What the inspection checks share: they look only at INSPECTION demands, cite a rulebook
 * key, and write findings from {@code check.<code>.finding} in both languages.
 */
abstract class InspectionCheck extends CitedCheck {

	InspectionCheck(String code, String catalogueRule, Bilingual messages) {
		super(code, catalogueRule, messages);
	}

	@Override
	public final Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		if (demand.kind() != DemandKind.INSPECTION) {
			return Stream.empty();
		}
		return inspect(demand, InspectionDetails.of(demand, context.today().getYear()), context);
	}

	abstract Stream<Finding> inspect(DemandSnapshot demand, InspectionDetails details, GateContext context);

	Finding finding(Severity severity, String evidence, GateContext context, Object... args) {
		return Finding.of(this.messages, code(), severity, evidence, context.rules().source(catalogueRule()), args);
	}

}
