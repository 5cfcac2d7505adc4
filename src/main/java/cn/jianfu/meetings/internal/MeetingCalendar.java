package cn.jianfu.meetings.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * Each township's and village's coming meetings: those issued to the viewer's unit that
 * overlap a period, each marked with the others it clashes with (overlapping times), and
 * the same as an iCalendar download.
 */
@Service
public class MeetingCalendar {

	static final int MAX_DAYS = 400;

	private final Meetings meetings;

	private final Clock clock;

	MeetingCalendar(Meetings meetings, Clock clock) {
		this.meetings = meetings;
		this.clock = clock;
	}

	/** A meeting in the calendar and the ids of the meetings it overlaps. */
	public record Entry(Meeting meeting, Set<Long> clashesWith) {

		public boolean clashes() {
			return !this.clashesWith.isEmpty();
		}

	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(MeetingDesk.CHINA));
	}

	/**
	 * The viewer's unit's meetings from the start of {@code from} to the end of
	 * {@code to}.
	 */
	@Transactional(readOnly = true)
	public List<Entry> entries(Viewer viewer, LocalDate from, LocalDate to) {
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw Problem.badRequest("meeting.calendar.range");
		}
		List<Meeting> found = this.meetings.addressedTo(viewer.unitCode(), from.atStartOfDay(),
				to.plusDays(1).atStartOfDay());
		List<Entry> entries = new ArrayList<>();
		for (Meeting m : found) {
			Set<Long> clashes = new TreeSet<>();
			for (Meeting other : found) {
				if (other.demandId() != m.demandId() && overlap(m.start(), m.end(), other.start(), other.end())) {
					clashes.add(other.demandId());
				}
			}
			entries.add(new Entry(m, clashes));
		}
		return entries;
	}

	static boolean overlap(LocalDateTime aStart, LocalDateTime aEnd, LocalDateTime bStart, LocalDateTime bEnd) {
		return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
	}

	/** The coming meetings (from today, a year ahead) as iCalendar text. */
	@Transactional(readOnly = true)
	public String ics(Viewer viewer, String host) {
		LocalDate today = today();
		List<ICalendar.Event> events = entries(viewer, today, today.plusDays(365)).stream()
			.map(Entry::meeting)
			.map(m -> new ICalendar.Event(m.demandId(), m.title(), m.start(), m.end(), m.venue(), description(m),
					m.gateNumber(), m.cancelled()))
			.toList();
		return ICalendar.write(viewer.unitName() + " 会议日历", events, this.clock.instant(), host);
	}

	static String description(Meeting m) {
		StringBuilder text = new StringBuilder();
		text.append(switch (m.mode()) {
			case IN_PERSON -> "现场会议";
			case VIDEO -> "视频会议";
			case BOTH -> "现场+视频会议";
		});
		if (m.gateNumber() != null) {
			text.append("；准入编号 ").append(m.gateNumber());
		}
		text.append("\n参会：主要负责同志 ")
			.append(m.principals())
			.append(" 人，分管负责同志 ")
			.append(m.deputies())
			.append(" 人，工作人员 ")
			.append(m.staff())
			.append(" 人\n议程：");
		int n = 1;
		for (Meeting.Item item : m.agenda()) {
			text.append('\n').append(n++).append(". ").append(item.topic());
		}
		return text.toString();
	}

}
