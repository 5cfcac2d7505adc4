package cn.jianfu.gate.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The issuer's answers to the burden-consistency checklist and the score they give
 * (0–100), stored with the demand.
 */
public record Assessment(Map<String, Boolean> answers, int score) {

	public Assessment {
		answers = Map.copyOf(answers);
	}

	/** The answers as stored: {@code key=true;key=false}. */
	public String encoded() {
		return this.answers.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(";"));
	}

	static Map<String, Boolean> decode(String encoded) {
		Map<String, Boolean> answers = new LinkedHashMap<>();
		for (String part : encoded.split(";")) {
			int eq = part.indexOf('=');
			if (eq > 0) {
				answers.put(part.substring(0, eq), Boolean.parseBoolean(part.substring(eq + 1)));
			}
		}
		return answers;
	}

}
