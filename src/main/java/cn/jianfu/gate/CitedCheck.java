package cn.jianfu.gate;

import cn.jianfu.platform.Bilingual;

/**
 * What every check of the gate shares: its stable code, the rulebook key whose source the
 * check catalogue cites, and the messages its findings are written in. The gate's own
 * checks and every module's checks extend it.
 */
public abstract class CitedCheck implements GateCheck {

	private final String code;

	private final String catalogueRule;

	protected final Bilingual messages;

	protected CitedCheck(String code, String catalogueRule, Bilingual messages) {
		this.code = code;
		this.catalogueRule = catalogueRule;
		this.messages = messages;
	}

	@Override
	public final String code() {
		return this.code;
	}

	/** The rulebook key whose source the check catalogue cites. */
	protected final String catalogueRule() {
		return this.catalogueRule;
	}

	@Override
	public final RuleRef rule() {
		return Rulebook.source(this.catalogueRule);
	}

}
