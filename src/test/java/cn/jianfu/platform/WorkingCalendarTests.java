package cn.jianfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

	final WorkingCalendar calendar = new WorkingCalendar();

	@Test
	void nationalDayHolidaysAreRestDaysAndTheAdjustedSaturdayIsAWorkingDay() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		assertThat(LocalDate.of(2026, 10, 10).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
	}

	@Test
	void ordinaryWeekendsRestAndWeekdaysWork() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 11, 26))).isTrue();
	}

	@Test
	void countsWorkingDaysAcrossTheNationalDayBreak() {
		// 2026-09-30 (Wed) + 3 working days: 10-01..10-07 rest, 10-08 Thu, 10-09 Fri,
		// 10-10 Sat (adjusted).
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10)))
			.isEqualTo(3);
		assertThat(this.calendar.workingDaysBetween(LocalDate.of(2026, 10, 10), LocalDate.of(2026, 9, 30)))
			.isEqualTo(-3);
		assertThat(this.calendar.plusWorkingDays(LocalDate.of(2026, 11, 26), 0)).isEqualTo(LocalDate.of(2026, 11, 26));
	}

	@Test
	void addedDaysReplaceTheBundledOnesAndCoverTheirYear() {
		WorkingCalendar imported = this.calendar.with(java.util.Map.of(LocalDate.of(2027, 1, 1), false,
				LocalDate.of(2026, 10, 10), false, LocalDate.of(2026, 11, 28), true));
		assertThat(imported.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
		assertThat(imported.isWorkingDay(LocalDate.of(2026, 10, 10))).isFalse();
		assertThat(imported.isWorkingDay(LocalDate.of(2026, 11, 28))).isTrue();
		assertThat(imported.covers(2027)).isTrue();
		assertThat(this.calendar.covers(2027)).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
	}

	@Test
	void knowsWhichYearsItCovers() {
		assertThat(this.calendar.covers(2026)).isTrue();
		assertThat(this.calendar.covers(2030)).isFalse();
	}

}
