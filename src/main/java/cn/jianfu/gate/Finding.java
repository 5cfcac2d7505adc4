package cn.jianfu.gate;

import cn.jianfu.platform.Bilingual;

/**
 * One result of a gate check: a stable code (that of the check, or a sub-code of it), a
 * severity, the message in Chinese and English, the evidence that supports it (numbers,
 * the similar demands, the units concerned) and the rule it applies.
 */
public record Finding(String code, Severity severity, String messageZh, String messageEn, String evidence,
		RuleRef rule) {

	/**
	 * A finding whose message is {@code check.<code>.finding} in both languages, with
	 * numbers shown plainly (5001, not 5,001).
	 */
	public static Finding of(Bilingual messages, String code, Severity severity, String evidence, RuleRef rule,
			Object... args) {
		Object[] plain = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			plain[i] = (args[i] instanceof Number) ? args[i].toString() : args[i];
		}
		Bilingual.Text text = messages.text("check." + code + ".finding", plain);
		return new Finding(code, severity, text.zh(), text.en(), evidence, rule);
	}

}
