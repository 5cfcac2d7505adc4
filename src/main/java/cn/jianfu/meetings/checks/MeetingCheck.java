package cn.jianfu.meetings.checks;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.CitedCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * What the meeting checks share: a stable code, the rulebook key the catalogue cites,
 * findings written as {@code check.<code>.finding} in both languages, and reading the
 * demand's {@code meeting.*} details. Checks of meetings only look at MEETING demands.
 */
abstract class MeetingCheck extends CitedCheck {

	MeetingCheck(String code, String catalogueRule, Bilingual messages) {
		super(code, catalogueRule, messages);
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		if (demand.kind() != DemandKind.MEETING) {
			return Stream.empty();
		}
		return checkMeeting(demand, context);
	}

	abstract Stream<Finding> checkMeeting(DemandSnapshot demand, GateContext context);

	Finding finding(Severity severity, String evidence, String rule, GateContext context, Object... args) {
		return finding(code(), severity, evidence, rule, context, args);
	}

	Finding finding(String code, Severity severity, String evidence, String rule, GateContext context, Object... args) {
		Object[] plain = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			plain[i] = (args[i] instanceof Number) ? plainNumber(args[i]) : args[i];
		}
		return Finding.of(this.messages, code, severity, evidence, context.rules().source(rule), plain);
	}

	private static String plainNumber(Object number) {
		if (number instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		return number.toString();
	}

	static @Nullable Integer integer(Map<String, String> details, String key) {
		String text = details.get(key);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static @Nullable LocalDateTime time(Map<String, String> details, String key) {
		String text = details.get(key);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	static boolean flag(Map<String, String> details, String key) {
		return Boolean.parseBoolean(details.get(key));
	}

}
