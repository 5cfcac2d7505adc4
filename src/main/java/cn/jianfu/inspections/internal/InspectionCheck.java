package cn.jianfu.inspections.internal;

import java.util.stream.Stream;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * What the inspection checks share: they look only at INSPECTION demands, cite a rulebook
 * key, and write findings from {@code check.<code>.finding} in both languages.
 */
abstract class InspectionCheck implements GateCheck {

	private final String code;

	private final String catalogueRule;

	final Bilingual messages;

	InspectionCheck(String code, String catalogueRule, Bilingual messages) {
		this.code = code;
		this.catalogueRule = catalogueRule;
		this.messages = messages;
	}

	@Override
	public final String code() {
		return this.code;
	}

	@Override
	public final RuleRef rule() {
		return Rulebook.source(this.catalogueRule);
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
		Bilingual.Text text = this.messages.text("check." + this.code + ".finding", plain(args));
		return new Finding(this.code, severity, text.zh(), text.en(), evidence,
				context.rules().source(this.catalogueRule));
	}

	static Object[] plain(Object... args) {
		Object[] plain = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			plain[i] = (args[i] instanceof Number) ? args[i].toString() : args[i];
		}
		return plain;
	}

}
