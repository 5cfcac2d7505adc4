package cn.jianfu.meetings.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.ledger.BurdenEstimator;
import cn.jianfu.ledger.Estimate;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;

/**
 * A meeting's person-hours for one recipient: (meeting time + round-trip travel) ×
 * attendees the unit must send. Travel comes from the rulebook by the recipient's level;
 * a video meeting has none, and in a meeting held both ways townships and villages attend
 * from video branch venues (rule {@code meeting.hybrid.grassroots-by-video}). Values the
 * issuer left out fall back to the rulebook's {@code burden.meeting.*}.
 */
@Component
@Order(0)
class MeetingEstimator implements BurdenEstimator {

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	@Override
	public boolean supports(DemandKind kind) {
		return kind == DemandKind.MEETING;
	}

	@Override
	public Estimate estimate(DemandSnapshot demand, Unit recipient, RuleValues rules) {
		Map<String, String> d = demand.details();
		BigDecimal minutes = orRule(d, "meeting.minutes", rules, "burden.meeting.minutes");
		BigDecimal attendees = orRule(d, "meeting.attendees", rules, "burden.meeting.attendees");
		MeetingMode mode = MeetingMode.parse(d.get("meeting.mode"));
		if (mode == null) {
			mode = MeetingMode.IN_PERSON;
		}
		boolean grassroots = recipient.level() == UnitLevel.TOWNSHIP || recipient.level() == UnitLevel.VILLAGE;
		boolean remote = mode == MeetingMode.VIDEO
				|| (mode == MeetingMode.BOTH && grassroots && rules.flag("meeting.hybrid.grassroots-by-video"));
		String travelKey = travelKey(recipient.level());
		BigDecimal travel = remote ? BigDecimal.ZERO : rules.decimal(travelKey);
		BigDecimal hours = minutes.add(travel).multiply(attendees).divide(SIXTY, MathContext.DECIMAL64);
		String zhWhy = switch (mode) {
			case VIDEO -> "视频会议，不计路程";
			case BOTH -> remote ? "现场+视频，在视频分会场参加，不计路程" : "现场+视频，到主会场参加，路程按规则 " + travelKey;
			case IN_PERSON -> "现场会议，路程按规则 " + travelKey;
		};
		String enWhy = switch (mode) {
			case VIDEO -> "video meeting, no travel";
			case BOTH -> remote ? "in person and video, attended from a video branch venue, no travel"
					: "in person and video, attended at the main venue, travel by rule " + travelKey;
			case IN_PERSON -> "in-person meeting, travel by rule " + travelKey;
		};
		return new Estimate(hours, "%s h = (%s 分钟会议 + %s 分钟路程) × %s 人 ÷ 60（%s；参会人数 = 主要负责同志 %s + 分管负责同志 %s + 工作人员 %s）"
			.formatted(plain(hours), plain(minutes), plain(travel), plain(attendees), zhWhy,
					d.getOrDefault("meeting.attendance.principal", "—"),
					d.getOrDefault("meeting.attendance.deputy", "—"), d.getOrDefault("meeting.attendance.staff", "—")),
				"%s h = (%s min meeting + %s min travel) × %s attendees ÷ 60 (%s; attendees = %s principal + %s deputy + %s staff)"
					.formatted(plain(hours), plain(minutes), plain(travel), plain(attendees), enWhy,
							d.getOrDefault("meeting.attendance.principal", "—"),
							d.getOrDefault("meeting.attendance.deputy", "—"),
							d.getOrDefault("meeting.attendance.staff", "—")));
	}

	static String travelKey(UnitLevel level) {
		return switch (level) {
			case TOWNSHIP -> "burden.meeting.travel-minutes.township";
			case VILLAGE -> "burden.meeting.travel-minutes.village";
			default -> "burden.meeting.travel-minutes.other";
		};
	}

	private static BigDecimal orRule(Map<String, String> d, String detail, RuleValues rules, String key) {
		BigDecimal given = number(d, detail);
		return given != null ? given : rules.decimal(key);
	}

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

	static String plain(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
