package cn.jianfu.gate.checks;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.jianfu.gate.Finding;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.platform.Bilingual;

/**
 * Builds findings whose message is {@code check.<code>.finding} in both languages, with
 * numbers shown plainly (5001, not 5,001).
 */
final class Findings {

	private Findings() {
	}

	static Finding of(Bilingual messages, String code, Severity severity, String evidence, RuleRef rule,
			Object... args) {
		Object[] plain = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			plain[i] = (args[i] instanceof Number) ? args[i].toString() : args[i];
		}
		Bilingual.Text text = messages.text("check." + code + ".finding", plain);
		return new Finding(code, severity, text.zh(), text.en(), evidence, rule);
	}

	/** How many of the codes lie at each level, e.g. {@code township=28 village=3}. */
	static String fanOut(List<String> unitCodes) {
		Map<UnitLevel, Long> counts = new EnumMap<>(UnitLevel.class);
		for (String code : unitCodes) {
			if (UnitLevel.isCode(code)) {
				counts.merge(UnitLevel.ofCode(code), 1L, Long::sum);
			}
		}
		if (counts.isEmpty()) {
			return "none";
		}
		return counts.entrySet()
			.stream()
			.map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + e.getValue())
			.collect(Collectors.joining(" "));
	}

}
