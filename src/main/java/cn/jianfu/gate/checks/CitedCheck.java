package cn.jianfu.gate.checks;

import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.platform.Bilingual;

/**
 * What every check of the gate shares: its stable code, the rulebook key whose source the
 * check catalogue cites, and the messages its findings are written in.
 */
abstract class CitedCheck implements GateCheck {

	private final String code;

	private final String catalogueRule;

	final Bilingual messages;

	CitedCheck(String code, String catalogueRule, Bilingual messages) {
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

}
