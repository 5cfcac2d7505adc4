package cn.jianfu.gate.checks;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.jianfu.org.UnitLevel;

/** Evidence helpers shared by the gate's own checks. */
final class Findings {

	private Findings() {
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
