package cn.jianfu.meetings.checks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * 无会日、无会周: a meeting on any day of the jurisdiction's weekly no-meeting day, or within
 * the first week of a month (days 1 to 7) when that week is meeting-free, needs a
 * justification. Every day the meeting spans is looked at.
 */
@Component
class NoMeetingDayCheck extends MeetingCheck {

	static final String CODE = "meeting.no-meeting-day";

	static final String WEEKDAY = "meeting.no-meeting-weekday";

	static final String FIRST_WEEK = "meeting.no-meeting-first-week";

	NoMeetingDayCheck(Bilingual messages) {
		super(CODE, WEEKDAY, messages);
	}

	@Override
	Stream<Finding> checkMeeting(DemandSnapshot demand, GateContext context) {
		LocalDateTime start = time(demand.details(), "meeting.start");
		LocalDateTime end = time(demand.details(), "meeting.end");
		if (start == null || end == null || end.isBefore(start)) {
			return Stream.empty();
		}
		int weekday = context.rules().integer(WEEKDAY);
		boolean firstWeek = context.rules().flag(FIRST_WEEK);
		List<Finding> findings = new ArrayList<>();
		LocalDate last = end.toLocalDate();
		if (end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && last.isAfter(start.toLocalDate())) {
			last = last.minusDays(1);
		}
		for (LocalDate day = start.toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			if (weekday >= 1 && weekday <= 7 && day.getDayOfWeek() == DayOfWeek.of(weekday)) {
				findings.add(finding(CODE + ".weekday", Severity.JUSTIFY,
						"date=" + day + " is weekday " + weekday + " (" + WEEKDAY + ")", WEEKDAY, context,
						day.toString()));
				break;
			}
		}
		for (LocalDate day = start.toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			if (firstWeek && day.getDayOfMonth() <= 7) {
				findings.add(finding(CODE + ".first-week", Severity.JUSTIFY,
						"date=" + day + " lies in days 1–7 of the month (" + FIRST_WEEK + ")", FIRST_WEEK, context,
						day.toString()));
				break;
			}
		}
		return findings.stream();
	}

}
