package cn.jianfu.ledger.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.ledger.BurdenEstimator;
import cn.jianfu.ledger.Estimate;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;

/**
 * The ledger's own burden model for every kind, used when no kind module contributes a
 * more specific estimator: each parameter comes from the demand's {@code details} when
 * the issuer gave it, otherwise from the rulebook ({@code burden.*}).
 */
class DefaultEstimator implements BurdenEstimator {

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	@Override
	public boolean supports(DemandKind kind) {
		return true;
	}

	@Override
	public Estimate estimate(DemandSnapshot demand, Unit recipient, RuleValues rules) {
		Map<String, String> d = demand.details();
		return switch (demand.kind()) {
			case DOCUMENT -> document(demand, rules);
			case MEETING -> meeting(d, recipient, rules);
			case DATA_REQUEST -> dataRequest(d, rules);
			case INSPECTION -> inspection(d, rules);
			case APP -> app(d, rules);
			case CAMPAIGN -> fixed(d, rules, "campaign");
			case OTHER -> fixed(d, rules, "other");
		};
	}

	private static Estimate document(DemandSnapshot demand, RuleValues rules) {
		BigDecimal chars = BigDecimal.valueOf(demand.length());
		BigDecimal perThousand = rules.decimal("burden.document.reading-minutes-per-1000-chars");
		BigDecimal readers = rules.decimal("burden.document.readers");
		BigDecimal reading = chars.divide(THOUSAND)
			.multiply(perThousand)
			.multiply(readers)
			.divide(SIXTY, MathContext.DECIMAL64);
		BigDecimal action = number(demand.details(), "document.action-hours");
		if (action == null) {
			boolean directive = Boolean.parseBoolean(demand.details().get("document.directive"))
					|| demand.requiresRelay();
			action = directive ? rules.decimal("burden.document.action-hours") : BigDecimal.ZERO;
		}
		BigDecimal hours = reading.add(action);
		return new Estimate(hours,
				"%s h = %s 字 ÷ 1000 × %s 分钟 × %s 人 + 落实 %s h".formatted(plain(hours), plain(chars), plain(perThousand),
						plain(readers), plain(action)),
				"%s h = %s characters ÷ 1000 × %s min × %s staff + %s h of follow-up".formatted(plain(hours),
						plain(chars), plain(perThousand), plain(readers), plain(action)));
	}

	private static Estimate meeting(Map<String, String> d, Unit recipient, RuleValues rules) {
		BigDecimal minutes = orRule(d, "meeting.minutes", rules, "burden.meeting.minutes");
		BigDecimal attendees = orRule(d, "meeting.attendees", rules, "burden.meeting.attendees");
		boolean video = "video".equalsIgnoreCase(d.getOrDefault("meeting.mode", "in-person"));
		BigDecimal travel = video ? BigDecimal.ZERO : rules.decimal(travelKey(recipient.level()));
		BigDecimal hours = minutes.add(travel).multiply(attendees).divide(SIXTY, MathContext.DECIMAL64);
		return new Estimate(hours,
				"%s h = (%s 分钟会议 + %s 分钟路程%s) × %s 人".formatted(plain(hours), plain(minutes), plain(travel),
						video ? "（视频会议）" : "", plain(attendees)),
				"%s h = (%s min meeting + %s min travel%s) × %s attendees".formatted(plain(hours), plain(minutes),
						plain(travel), video ? " (video)" : "", plain(attendees)));
	}

	static String travelKey(UnitLevel level) {
		return switch (level) {
			case TOWNSHIP -> "burden.meeting.travel-minutes.township";
			case VILLAGE -> "burden.meeting.travel-minutes.village";
			default -> "burden.meeting.travel-minutes.other";
		};
	}

	private static Estimate dataRequest(Map<String, String> d, RuleValues rules) {
		BigDecimal fields = orZero(d, "form.fields");
		BigDecimal prefilled = orZero(d, "form.prefilled").min(fields);
		BigDecimal perField = rules.decimal("burden.data-request.minutes-per-field");
		BigDecimal perPrefilled = rules.decimal("burden.data-request.minutes-per-prefilled-field");
		BigDecimal staff = orRule(d, "form.staff", rules, "burden.data-request.staff");
		BigDecimal hours = fields.subtract(prefilled)
			.multiply(perField)
			.add(prefilled.multiply(perPrefilled))
			.multiply(staff)
			.divide(SIXTY, MathContext.DECIMAL64);
		return new Estimate(hours,
				"%s h = ((%s 项 − %s 项预填) × %s 分钟 + %s 项预填 × %s 分钟) × %s 人".formatted(plain(hours), plain(fields),
						plain(prefilled), plain(perField), plain(prefilled), plain(perPrefilled), plain(staff)),
				"%s h = ((%s fields − %s pre-filled) × %s min + %s pre-filled × %s min) × %s staff".formatted(
						plain(hours), plain(fields), plain(prefilled), plain(perField), plain(prefilled),
						plain(perPrefilled), plain(staff)));
	}

	private static Estimate inspection(Map<String, String> d, RuleValues rules) {
		BigDecimal days = orRule(d, "inspection.preparation-days", rules, "burden.inspection.preparation-days");
		BigDecimal staff = orRule(d, "inspection.staff", rules, "burden.inspection.staff");
		BigDecimal perDay = rules.decimal("burden.hours-per-day");
		BigDecimal hours = days.multiply(perDay).multiply(staff);
		return new Estimate(hours,
				"%s h = %s 天准备 × %s 小时 × %s 人".formatted(plain(hours), plain(days), plain(perDay), plain(staff)),
				"%s h = %s days of preparation × %s h × %s staff".formatted(plain(hours), plain(days), plain(perDay),
						plain(staff)));
	}

	private static Estimate app(Map<String, String> d, RuleValues rules) {
		BigDecimal perDay = orRule(d, "app.minutes-per-day", rules, "burden.app.minutes-per-day");
		BigDecimal days = orRule(d, "app.working-days", rules, "burden.app.working-days");
		BigDecimal hours = perDay.multiply(days).divide(SIXTY, MathContext.DECIMAL64);
		return new Estimate(hours, "%s h = %s 分钟/天 × %s 个工作日".formatted(plain(hours), plain(perDay), plain(days)),
				"%s h = %s min a day × %s working days".formatted(plain(hours), plain(perDay), plain(days)));
	}

	private static Estimate fixed(Map<String, String> d, RuleValues rules, String kind) {
		BigDecimal given = number(d, kind + ".hours");
		if (given != null) {
			return new Estimate(given, "%s h = 发起单位估算".formatted(plain(given)),
					"%s h = the issuer's estimate".formatted(plain(given)));
		}
		String key = "burden." + kind + ".hours";
		BigDecimal hours = rules.decimal(key);
		return new Estimate(hours, "%s h = 默认工时（规则 %s）".formatted(plain(hours), key),
				"%s h = default hours (rule %s)".formatted(plain(hours), key));
	}

	private static BigDecimal orRule(Map<String, String> d, String detail, RuleValues rules, String key) {
		BigDecimal given = number(d, detail);
		return given != null ? given : rules.decimal(key);
	}

	private static BigDecimal orZero(Map<String, String> d, String detail) {
		BigDecimal given = number(d, detail);
		return given != null ? given : BigDecimal.ZERO;
	}

	/** A non-negative number from the details, or null when absent or unreadable. */
	private static @Nullable BigDecimal number(Map<String, String> d, String key) {
		String text = d.get(key);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(text.strip());
			return value.signum() < 0 ? null : value;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A number as the explanation shows it: at most two decimals, no trailing zeros. */
	static String plain(BigDecimal value) {
		return value.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
