package cn.jianfu.meetings.internal;

import java.time.LocalDateTime;

/**
 * Opens the calendar's overlap rule to tests in other packages.
 */
public final class MeetingCalendarAccess {

	private MeetingCalendarAccess() {
	}

	public static boolean overlap(LocalDateTime aStart, LocalDateTime aEnd, LocalDateTime bStart, LocalDateTime bEnd) {
		return MeetingCalendar.overlap(aStart, aEnd, bStart, bEnd);
	}

}
