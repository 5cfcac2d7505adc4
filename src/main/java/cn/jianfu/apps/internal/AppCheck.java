package cn.jianfu.apps.internal;

import java.util.stream.Stream;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.CitedCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * What the app checks share: they look only at APP demands, cite a rulebook key, and
 * write findings from {@code check.<code>.finding} in both languages.
 */
abstract class AppCheck extends CitedCheck {

	AppCheck(String code, String catalogueRule, Bilingual messages) {
		super(code, catalogueRule, messages);
	}

	@Override
	public final Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		if (demand.kind() != DemandKind.APP) {
			return Stream.empty();
		}
		return inspect(demand, AppDetails.of(demand), context);
	}

	abstract Stream<Finding> inspect(DemandSnapshot demand, AppDetails app, GateContext context);

	Finding finding(Severity severity, String evidence, GateContext context, Object... args) {
		return finding(severity, evidence, context, args, args);
	}

	/** A finding whose Chinese and English messages take different arguments. */
	Finding finding(Severity severity, String evidence, GateContext context, Object[] zhArgs, Object[] enArgs) {
		Bilingual.Text zh = this.messages.text("check." + code() + ".finding", plain(zhArgs));
		Bilingual.Text en = this.messages.text("check." + code() + ".finding", plain(enArgs));
		return new Finding(code(), severity, zh.zh(), en.en(), evidence, context.rules().source(catalogueRule()));
	}

	static Object[] plain(Object... args) {
		Object[] plain = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			plain[i] = (args[i] instanceof Number) ? args[i].toString() : args[i];
		}
		return plain;
	}

}
