package cn.jianfu.gate;

/**
 * One result of a gate check: a stable code (that of the check, or a sub-code of it), a
 * severity, the message in Chinese and English, the evidence that supports it (numbers,
 * the similar demands, the units concerned) and the rule it applies.
 */
public record Finding(String code, Severity severity, String messageZh, String messageEn, String evidence,
		RuleRef rule) {
}
