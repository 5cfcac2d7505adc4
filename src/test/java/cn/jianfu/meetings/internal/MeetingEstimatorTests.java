package cn.jianfu.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.ledger.Estimate;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;

/**
 * The meeting burden: (meeting time + travel by level and mode) × attendees, explained in
 * both languages.
 */
class MeetingEstimatorTests {

	final MeetingEstimator estimator = new MeetingEstimator();

	final RuleValues rules = Rulebook.defaults("500151000000");

	static final Unit TOWNSHIP = new Unit("500151001000", "巴川街道", UnitLevel.TOWNSHIP, "500151000000",
			"/500151000000/500151001000/", null, null);

	static final Unit VILLAGE = new Unit("500151001001", "东方社区", UnitLevel.VILLAGE, "500151001000",
			"/500151000000/500151001000/500151001001/", null, null);

	static final Unit COUNTY = new Unit("500151000000", "铜梁区", UnitLevel.COUNTY, null, "/500151000000/", null, null);

	static DemandSnapshot meeting(Map<String, String> details) {
		return new DemandSnapshot(1, DemandKind.MEETING, "会议", "正文", "民政", null, "500151000000", null, "issuer",
				List.of("500151001000"), LocalDate.of(2026, 12, 8), null, null, false, false, false, false, null,
				details);
	}

	@Test
	void anInPersonMeetingAddsTravelByTheRecipientsLevel() {
		DemandSnapshot m = meeting(Map.of("meeting.mode", "in-person", "meeting.minutes", "120", "meeting.attendees",
				"2", "meeting.attendance.principal", "1", "meeting.attendance.deputy", "1", "meeting.attendance.staff",
				"0"));
		Estimate township = this.estimator.estimate(m, TOWNSHIP, this.rules);
		assertThat(township.hours()).isEqualByComparingTo("7");
		assertThat(township.explanationZh()).startsWith("7 h = (120 分钟会议 + 90 分钟路程) × 2 人 ÷ 60")
			.contains("主要负责同志 1 + 分管负责同志 1 + 工作人员 0");
		assertThat(township.explanationEn()).startsWith("7 h = (120 min meeting + 90 min travel) × 2 attendees ÷ 60")
			.contains("burden.meeting.travel-minutes.township");
		assertThat(this.estimator.estimate(m, VILLAGE, this.rules).hours()).isEqualByComparingTo("8");
		assertThat(this.estimator.estimate(m, COUNTY, this.rules).hours()).isEqualByComparingTo("6");
	}

	@Test
	void aVideoMeetingHasNoTravel() {
		DemandSnapshot m = meeting(Map.of("meeting.mode", "video", "meeting.minutes", "90", "meeting.attendees", "3"));
		Estimate estimate = this.estimator.estimate(m, VILLAGE, this.rules);
		assertThat(estimate.hours()).isEqualByComparingTo("4.5");
		assertThat(estimate.explanationZh()).contains("0 分钟路程").contains("视频会议，不计路程");
		assertThat(estimate.explanationEn()).contains("video meeting, no travel");
	}

	@Test
	void inAMeetingHeldBothWaysTheGrassrootsAttendByVideoAndTheCountyTravels() {
		DemandSnapshot m = meeting(Map.of("meeting.mode", "both", "meeting.minutes", "60", "meeting.attendees", "1"));
		assertThat(this.estimator.estimate(m, TOWNSHIP, this.rules).hours()).isEqualByComparingTo("1");
		assertThat(this.estimator.estimate(m, COUNTY, this.rules).hours()).isEqualByComparingTo("2");
		RuleValues allTravel = rulesWith("meeting.hybrid.grassroots-by-video", "false");
		assertThat(this.estimator.estimate(m, TOWNSHIP, allTravel).hours()).isEqualByComparingTo("2.5");
	}

	@Test
	void missingValuesFallBackToTheRulebookLikeTheLedgersDefault() {
		Estimate estimate = this.estimator.estimate(meeting(Map.of("meeting.minutes", "60")), TOWNSHIP, this.rules);
		// (60 + 90) × 1 ÷ 60, as the ledger's default estimator computes it
		assertThat(estimate.hours()).isEqualByComparingTo("2.5");
		assertThat(this.estimator.estimate(meeting(Map.of()), TOWNSHIP, this.rules).hours())
			.isEqualByComparingTo("3.5");
		assertThat(this.estimator
			.estimate(meeting(Map.of("meeting.minutes", "-5", "meeting.attendees", "x")), TOWNSHIP, this.rules)
			.hours()).isEqualByComparingTo("3.5");
	}

	@Test
	void onlyMeetingsAreEstimatedHere() {
		assertThat(this.estimator.supports(DemandKind.MEETING)).isTrue();
		assertThat(this.estimator.supports(DemandKind.DOCUMENT)).isFalse();
	}

	@Test
	void aMeetingOverSeveralDaysCountsItsWorkingWindowEachDay() {
		assertThat(Meeting.minutes(LocalDateTime.of(2026, 12, 8, 9, 0), LocalDateTime.of(2026, 12, 8, 11, 30),
				new java.math.BigDecimal("8")))
			.isEqualTo(150);
		// day one 09:00–18:00 capped at 8 h, day two 08:00–12:00
		assertThat(Meeting.minutes(LocalDateTime.of(2026, 12, 8, 9, 0), LocalDateTime.of(2026, 12, 9, 12, 0),
				new java.math.BigDecimal("8")))
			.isEqualTo(480 + 240);
		assertThat(Meeting.minutes(LocalDateTime.of(2026, 12, 8, 9, 0), LocalDateTime.of(2026, 12, 8, 9, 0),
				new java.math.BigDecimal("8")))
			.isZero();
	}

	private RuleValues rulesWith(String key, String value) {
		Map<String, RuleValues.Value> values = new java.util.HashMap<>();
		for (RuleValues.Value v : this.rules.all()) {
			values.put(v.definition().key(),
					v.definition().key().equals(key) ? new RuleValues.Value(v.definition(), value, "500151000000") : v);
		}
		return new RuleValues("500151000000", values);
	}

}
