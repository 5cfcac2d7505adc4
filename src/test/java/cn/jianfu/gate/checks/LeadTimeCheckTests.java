package cn.jianfu.gate.checks;

import static cn.jianfu.gate.checks.CheckFixtures.CALENDAR;
import static cn.jianfu.gate.checks.CheckFixtures.TODAY;
import static cn.jianfu.gate.checks.CheckFixtures.context;
import static cn.jianfu.gate.checks.CheckFixtures.demand;
import static cn.jianfu.gate.checks.CheckFixtures.messages;
import static cn.jianfu.gate.checks.CheckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Severity;

class LeadTimeCheckTests {

	LeadTimeCheck check = new LeadTimeCheck(messages());

	@Test
	void passesADataRequestDueExactlyThreeWorkingDaysAhead() {
		LocalDate due = CALENDAR.plusWorkingDays(TODAY, 3);
		assertThat(run(this.check, demand(DemandKind.DATA_REQUEST).due(due).build(), context())).isEmpty();
	}

	@Test
	void asksToJustifyADataRequestDueInTwoWorkingDaysCitingTheRule() {
		LocalDate due = CALENDAR.plusWorkingDays(TODAY, 2);
		assertThat(run(this.check, demand(DemandKind.DATA_REQUEST).due(due).build(), context())).singleElement()
			.satisfies(f -> {
				assertThat(f.code()).isEqualTo("lead-time");
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.rule().article()).isEqualTo("最短办理时限");
				assertThat(f.evidence()).contains("working days=2", "minimum=3", "lead-time.data-request");
			});
	}

	@Test
	void countsWorkingDaysNotCalendarDaysOverAWeekend() {
		LocalDate sunday = TODAY.plusDays(4);
		assertThat(sunday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SUNDAY);
		assertThat(run(this.check, demand(DemandKind.MEETING).due(sunday).build(), context())).singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains("lead-time.meeting", "working days=2"));
	}

	@Test
	void usesTheLeadTimeOfEachKind() {
		LocalDate due = CALENDAR.plusWorkingDays(TODAY, 5);
		assertThat(run(this.check, demand(DemandKind.DOCUMENT).due(due).build(), context())).isEmpty();
		assertThat(run(this.check, demand(DemandKind.APP).due(due).build(), context())).singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains("minimum=10", "lead-time.app"));
	}

}
