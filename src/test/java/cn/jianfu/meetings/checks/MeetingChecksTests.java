package cn.jianfu.meetings.checks;

import static cn.jianfu.meetings.checks.Fixtures.context;
import static cn.jianfu.meetings.checks.Fixtures.meeting;
import static cn.jianfu.meetings.checks.Fixtures.messages;
import static cn.jianfu.meetings.checks.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.meetings.internal.MeetingHistory;
import cn.jianfu.platform.Bilingual;

/**
 * Every meeting check at its boundaries: just below, at, and just above the rule's
 * number, with the rule cited and the message in both languages.
 */
class MeetingChecksTests {

	static final Bilingual MESSAGES = messages();

	static List<Finding> run(GateCheck check, DemandSnapshot demand) {
		return run(check, demand, context());
	}

	static List<Finding> run(GateCheck check, DemandSnapshot demand, GateContext context) {
		return check.check(demand, context).toList();
	}

	static MeetingHistory history(long comprehensive, long total, long video) {
		return new MeetingHistory() {
			@Override
			public long comprehensiveIssued(String unitCode, String field, int year, long except) {
				return comprehensive;
			}

			@Override
			public Share videoShare(String unitCode, int year, long except) {
				return new Share(total, video);
			}
		};
	}

	@Test
	void aMeetingThatKeepsEveryRulePassesEveryCheck() {
		DemandSnapshot clean = meeting().build();
		List<GateCheck> checks = List.of(new MeetingPlanCheck(MESSAGES),
				new MeetingComprehensiveCheck(MESSAGES, history(0, 0, 0)), new MeetingLengthCheck(MESSAGES),
				new MeetingVideoShareCheck(MESSAGES, history(0, 0, 0)), new NoMeetingDayCheck(MESSAGES),
				new MeetingRelayCheck(MESSAGES), new MeetingDeputyConvenedCheck(MESSAGES),
				new MeetingRecurringCheck(MESSAGES));
		for (GateCheck check : checks) {
			assertThat(run(check, clean)).as(check.code()).isEmpty();
			assertThat(check.rule().document()).as(check.code()).isNotBlank();
		}
	}

	@Test
	void aMeetingOutsideThePlanNeedsAJustification() {
		MeetingPlanCheck check = new MeetingPlanCheck(MESSAGES);
		assertThat(run(check, meeting().build())).isEmpty();
		assertThat(run(check, meeting().set("meeting.in-plan", "false").remove("meeting.plan-entry").build()))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.code()).isEqualTo("meeting.plan");
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.messageZh()).contains("未列入").contains("民政");
				assertThat(f.messageEn()).contains("not in the jurisdiction's annual meeting plan");
				assertThat(f.rule().document()).contains("整治形式主义为基层减负若干规定");
			});
		assertThat(run(check, meeting().remove("meeting.in-plan").build())).hasSize(1);
		assertThat(run(check, meeting().set("meeting.in-plan", "false").build(),
				context(rules(Map.of("meeting.plan.required", "false")), null)))
			.isEmpty();
		assertThat(run(check, meeting().kind(DemandKind.DOCUMENT).set("meeting.in-plan", "false").build())).isEmpty();
	}

	@Test
	void theSecondComprehensiveMeetingOfAFieldInAYearIsBlocked() {
		DemandSnapshot comprehensive = meeting().set("meeting.comprehensive", "true").build();
		assertThat(run(new MeetingComprehensiveCheck(MESSAGES, history(0, 0, 0)), comprehensive)).isEmpty();
		assertThat(run(new MeetingComprehensiveCheck(MESSAGES, history(1, 0, 0)), comprehensive)).singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.BLOCK);
				assertThat(f.messageZh()).contains("“民政”领域 2026 年已召开综合性工作会议 1 次，每年最多 1 次");
				assertThat(f.evidence()).contains("already issued=1");
			});
		assertThat(run(new MeetingComprehensiveCheck(MESSAGES, history(5, 0, 0)), meeting().build())).isEmpty();
		// a jurisdiction allowing two: the second passes, the third is blocked
		GateContext two = context(rules(Map.of("meeting.comprehensive.max-per-field", "2")), null);
		assertThat(run(new MeetingComprehensiveCheck(MESSAGES, history(1, 0, 0)), comprehensive, two)).isEmpty();
		assertThat(run(new MeetingComprehensiveCheck(MESSAGES, history(2, 0, 0)), comprehensive, two)).hasSize(1);
	}

	@Test
	void theMainSpeechMayLastSixtyMinutes() {
		MeetingLengthCheck check = new MeetingLengthCheck(MESSAGES);
		assertThat(run(check, meeting().set("meeting.main-speech-minutes", "59").build())).isEmpty();
		assertThat(run(check, meeting().set("meeting.main-speech-minutes", "60").build())).isEmpty();
		assertThat(run(check, meeting().set("meeting.main-speech-minutes", "61").build())).singleElement()
			.satisfies(f -> {
				assertThat(f.code()).isEqualTo("meeting.length.speech");
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.messageZh()).isEqualTo("主要讲话 61 分钟，超过 60 分钟");
				assertThat(f.messageEn()).isEqualTo("The main speech lasts 61 minutes, more than 60");
			});
	}

	@Test
	void groupDiscussionMayLastOneAndAHalfDaysOfEightHours() {
		MeetingLengthCheck check = new MeetingLengthCheck(MESSAGES);
		DemandSnapshot.class.getName();
		assertThat(run(check, comprehensive("719"))).isEmpty();
		assertThat(run(check, comprehensive("720"))).isEmpty();
		assertThat(run(check, comprehensive("721"))).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("meeting.length.discussion");
			assertThat(f.messageZh()).isEqualTo("分组讨论 721 分钟，超过 1.5 天（720 分钟）");
			assertThat(f.rule().article()).contains("提高会议质效");
		});
	}

	private static DemandSnapshot comprehensive(String discussion) {
		return meeting().set("meeting.comprehensive", "true")
			.set("meeting.minutes", "1200")
			.set("meeting.discussion-minutes", discussion)
			.build();
	}

	@Test
	void otherMeetingsMayLastHalfADay() {
		MeetingLengthCheck check = new MeetingLengthCheck(MESSAGES);
		assertThat(run(check, meeting().set("meeting.minutes", "239").build())).isEmpty();
		assertThat(run(check, meeting().set("meeting.minutes", "240").build())).isEmpty();
		assertThat(run(check, meeting().set("meeting.minutes", "241").build())).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("meeting.length.duration");
			assertThat(f.messageEn()).isEqualTo("The meeting lasts 241 minutes, more than 0.5 days (240 minutes)");
		});
		// a comprehensive work meeting is held to its discussion cap, not to half a day
		assertThat(run(check, meeting().set("meeting.comprehensive", "true").set("meeting.minutes", "600").build()))
			.isEmpty();
		// a jurisdiction counting 7-hour days
		GateContext seven = context(rules(Map.of("burden.hours-per-day", "7")), null);
		assertThat(run(check, meeting().set("meeting.minutes", "210").build(), seven)).isEmpty();
		assertThat(run(check, meeting().set("meeting.minutes", "211").build(), seven)).hasSize(1);
	}

	@Test
	void anInPersonMeetingBelowTheVideoShareGetsAWarning() {
		DemandSnapshot inPerson = meeting().set("meeting.mode", "in-person").build();
		// 33%: one of three (counting this one) is 33.3%, at the minimum
		assertThat(run(new MeetingVideoShareCheck(MESSAGES, history(0, 2, 1)), inPerson)).isEmpty();
		assertThat(run(new MeetingVideoShareCheck(MESSAGES, history(0, 3, 1)), inPerson)).singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.WARN);
				assertThat(f.messageZh()).isEqualTo("计入本次，本单位当年 4 次会议中视频会议 1 次（25%），低于 33%");
			});
		// exactly at the minimum: 1 of 4 with a 25% minimum passes, 1 of 5 (20%) does not
		GateContext quarter = context(rules(Map.of("meeting.video-share.min-percent", "25")), null);
		assertThat(run(new MeetingVideoShareCheck(MESSAGES, history(0, 3, 1)), inPerson, quarter)).isEmpty();
		assertThat(run(new MeetingVideoShareCheck(MESSAGES, history(0, 4, 1)), inPerson, quarter)).hasSize(1);
		// the first meeting of the year in person: 0 of 1
		assertThat(run(new MeetingVideoShareCheck(MESSAGES, history(0, 0, 0)), inPerson)).hasSize(1);
		// video and hybrid meetings raise the share and are never warned
		assertThat(run(new MeetingVideoShareCheck(MESSAGES, history(0, 9, 0)), meeting().build())).isEmpty();
		assertThat(run(new MeetingVideoShareCheck(MESSAGES, history(0, 9, 0)),
				meeting().set("meeting.mode", "both").build()))
			.isEmpty();
		GateContext none = context(rules(Map.of("meeting.video-share.min-percent", "0")), null);
		assertThat(run(new MeetingVideoShareCheck(MESSAGES, history(0, 9, 0)), inPerson, none)).isEmpty();
	}

	@Test
	void aMeetingOnTheNoMeetingDayOrInTheNoMeetingWeekNeedsAJustification() {
		NoMeetingDayCheck check = new NoMeetingDayCheck(MESSAGES);
		// 2026-12-08 Tuesday, 12-09 Wednesday (the default no-meeting day), 12-10
		// Thursday
		assertThat(run(check, on("2026-12-08T09:00", "2026-12-08T23:59"))).isEmpty();
		assertThat(run(check, on("2026-12-09T09:00", "2026-12-09T11:00"))).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("meeting.no-meeting-day.weekday");
			assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
			assertThat(f.messageZh()).isEqualTo("会议日期 2026-12-09 是本辖区的无会日");
		});
		assertThat(run(check, on("2026-12-10T00:00", "2026-12-10T11:00"))).isEmpty();
		// a meeting from Tuesday to Thursday spans the Wednesday
		assertThat(run(check, on("2026-12-08T09:00", "2026-12-10T11:00"))).hasSize(1);
		// the first week: the 7th is in it, the 8th is not (2027-01-07 Thursday, 01-08
		// Friday)
		assertThat(run(check, on("2027-01-07T09:00", "2027-01-07T11:00"))).singleElement()
			.satisfies(f -> assertThat(f.code()).isEqualTo("meeting.no-meeting-day.first-week"));
		assertThat(run(check, on("2027-01-08T09:00", "2027-01-08T11:00"))).isEmpty();
		// the 1st of a month on a Wednesday: both findings (2025-10-01)
		assertThat(run(check, on("2025-10-01T09:00", "2025-10-01T11:00"))).hasSize(2);
		GateContext free = context(
				rules(Map.of("meeting.no-meeting-weekday", "0", "meeting.no-meeting-first-week", "false")), null);
		assertThat(run(check, on("2025-10-01T09:00", "2025-10-01T11:00"), free)).isEmpty();
		GateContext fridays = context(rules(Map.of("meeting.no-meeting-weekday", "5")), null);
		assertThat(run(check, on("2027-01-08T09:00", "2027-01-08T11:00"), fridays)).hasSize(1);
	}

	private static DemandSnapshot on(String start, String end) {
		return meeting().set("meeting.start", start).set("meeting.end", end).build();
	}

	@Test
	void aMeetingRelayingAParentMeetingWithoutItsRequirementNeedsAJustification() {
		MeetingRelayCheck check = new MeetingRelayCheck(MESSAGES);
		assertThat(run(check, meeting().set("meeting.agenda", "传达学习全市民政工作会议精神\n部署工作").build())).singleElement()
			.satisfies(f -> {
				assertThat(f.code()).isEqualTo("meeting.relay");
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.messageZh()).contains("传达学习全市民政工作会议精神").contains("1 个单位");
				assertThat(f.rule().document()).contains("中办发〔2019〕16号");
			});
		assertThat(run(check, meeting().set("meeting.parent-title", "重庆市民政工作会议").build())).singleElement()
			.satisfies(f -> assertThat(f.messageZh()).contains("重庆市民政工作会议"));
		assertThat(run(check, meeting().title("传达贯彻市委全会精神的会议").build())).hasSize(1);
		assertThat(run(check, meeting().body("会议将传达学习上级会议精神。").build())).hasSize(1);
		// words that are not a relay
		assertThat(run(check, meeting().set("meeting.agenda", "学习养老服务政策\n发扬奉献精神").build())).isEmpty();
		assertThat(run(check, meeting().body("传达要求。发扬精神。").build())).isEmpty();
		// linked to its parent: cascade.relay reports it, this check does not report it
		// again
		assertThat(run(check, meeting().relaysParent(3).set("meeting.agenda", "传达学习全市民政工作会议精神").build())).isEmpty();
		GateContext off = context(rules(Map.of("meeting.no-relay", "false")), null);
		assertThat(run(check, meeting().set("meeting.parent-title", "市会").build(), off)).isEmpty();
	}

	@Test
	void aDeputyConvenedMeetingMayNotCallPrincipals() {
		MeetingDeputyConvenedCheck check = new MeetingDeputyConvenedCheck(MESSAGES);
		assertThat(run(check, meeting().set("meeting.convener", "deputy").build())).isEmpty();
		assertThat(run(check,
				meeting().set("meeting.convener", "deputy").set("meeting.attendance.principal", "1").build()))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.messageEn())
					.isEqualTo("A deputy-convened meeting requires 1 principal leaders from each unit");
			});
		assertThat(run(check,
				meeting().set("meeting.convener", "principal").set("meeting.attendance.principal", "1").build()))
			.isEmpty();
	}

	@Test
	void aMandatedRecurringMeetingNeedsAJustificationInAnyKindOfDemand() {
		MeetingRecurringCheck check = new MeetingRecurringCheck(MESSAGES);
		for (String text : List.of("各社区每月召开一次专题会议", "每季度至少召开一次联席会议", "每周召开例会", "每月组织召开一次学习会", "每半年举行一次座谈会")) {
			assertThat(run(check, meeting().body(text).build())).as(text).singleElement().satisfies(f -> {
				assertThat(f.code()).isEqualTo("meeting.recurring");
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
			});
		}
		assertThat(run(check, meeting().kind(DemandKind.DOCUMENT).body("请各村每月召开一次专题会议，年底检查会议记录。").build()))
			.singleElement()
			.satisfies(f -> assertThat(f.messageZh()).isEqualTo("事项要求定期召开会议：“每月召开一次”"));
		for (String text : List.of("本月召开一次会议", "每月报送一次数据", "会议每月底前通知", "每个社区召开一次会议")) {
			assertThat(run(check, meeting().body(text).build())).as(text).isEmpty();
		}
	}

	@Test
	void theChecksNeverFailOnMissingOrMalformedDetails() {
		List<GateCheck> checks = List.of(new MeetingPlanCheck(MESSAGES),
				new MeetingComprehensiveCheck(MESSAGES, history(3, 3, 0)), new MeetingLengthCheck(MESSAGES),
				new MeetingVideoShareCheck(MESSAGES, history(0, 3, 0)), new NoMeetingDayCheck(MESSAGES),
				new MeetingRelayCheck(MESSAGES), new MeetingDeputyConvenedCheck(MESSAGES),
				new MeetingRecurringCheck(MESSAGES));
		String[] keys = { "meeting.mode", "meeting.comprehensive", "meeting.in-plan", "meeting.start", "meeting.end",
				"meeting.year", "meeting.minutes", "meeting.discussion-minutes", "meeting.main-speech-minutes",
				"meeting.attendance.principal", "meeting.convener", "meeting.agenda", "meeting.parent-title" };
		String[] values = { "", "x", "-1", "2026-13-45T99:99", "true", "999999999999", "video", "deputy" };
		Random random = new Random(42);
		for (int i = 0; i < 500; i++) {
			Fixtures.Builder builder = meeting();
			for (String key : keys) {
				int pick = random.nextInt(values.length + 2);
				if (pick == values.length) {
					builder.remove(key);
				}
				else if (pick < values.length) {
					builder.set(key, values[pick]);
				}
			}
			DemandSnapshot demand = builder.build();
			for (GateCheck check : checks) {
				assertThat(run(check, demand)).as(check.code()).allSatisfy(f -> {
					assertThat(f.messageZh()).doesNotContain("check.");
					assertThat(f.messageEn()).doesNotContain("check.");
				});
			}
		}
	}

}
