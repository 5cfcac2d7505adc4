package cn.jianfu.meetings.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A meeting demand's own record, kept beside the gate's demand under the same id: times
 * in Beijing local time, the agenda, and what each recipient unit must send.
 */
public record Meeting(long demandId, String issuerUnitCode, String title, MeetingMode mode, String field,
		boolean comprehensive, @Nullable Long planEntryId, LocalDateTime start, LocalDateTime end,
		int discussionMinutes, int principals, int deputies, int staff, @Nullable String venue,
		@Nullable Long parentDemandId, @Nullable String parentTitle, boolean requiresRelay, Convener convener,
		@Nullable String gateNumber, @Nullable Instant issuedAt, boolean cancelled, List<Item> agenda) {

	/** On a meeting of several days, the working window of each day. */
	static final LocalTime DAY_STARTS = LocalTime.of(8, 0);

	static final LocalTime DAY_ENDS = LocalTime.of(18, 0);

	public Meeting {
		agenda = List.copyOf(agenda);
	}

	public int attendees() {
		return this.principals + this.deputies + this.staff;
	}

	public int mainSpeechMinutes() {
		return this.agenda.stream().filter(Item::mainSpeech).mapToInt(Item::minutes).max().orElse(0);
	}

	public boolean relays() {
		return this.parentDemandId != null || (this.parentTitle != null && !this.parentTitle.isBlank());
	}

	/**
	 * How long the meeting takes, in minutes: end minus start on one day; over several
	 * days, each day counts its part of the 08:00–18:00 window, at most
	 * {@code hoursPerDay}.
	 */
	public static int minutes(LocalDateTime start, LocalDateTime end, BigDecimal hoursPerDay) {
		if (!end.isAfter(start)) {
			return 0;
		}
		if (start.toLocalDate().equals(end.toLocalDate())) {
			return (int) Duration.between(start, end).toMinutes();
		}
		long cap = hoursPerDay.multiply(BigDecimal.valueOf(60)).longValue();
		long total = 0;
		for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
			LocalDateTime from = day.atTime(DAY_STARTS);
			LocalDateTime to = day.atTime(DAY_ENDS);
			if (day.equals(start.toLocalDate()) && start.isAfter(from)) {
				from = start;
			}
			if (day.equals(end.toLocalDate()) && end.isBefore(to)) {
				to = end;
			}
			if (to.isAfter(from)) {
				total += Math.min(cap, Duration.between(from, to).toMinutes());
			}
		}
		return (int) total;
	}

	/**
	 * The flat values the gate's checks and the burden estimator read
	 * ({@code meeting.*}).
	 */
	public Map<String, String> details(BigDecimal hoursPerDay) {
		Map<String, String> d = new LinkedHashMap<>();
		d.put("meeting.mode", this.mode.detail());
		d.put("meeting.comprehensive", String.valueOf(this.comprehensive));
		d.put("meeting.in-plan", String.valueOf(this.planEntryId != null));
		if (this.planEntryId != null) {
			d.put("meeting.plan-entry", String.valueOf(this.planEntryId));
		}
		d.put("meeting.start", this.start.toString());
		d.put("meeting.end", this.end.toString());
		d.put("meeting.year", String.valueOf(this.start.getYear()));
		d.put("meeting.minutes", String.valueOf(minutes(this.start, this.end, hoursPerDay)));
		d.put("meeting.discussion-minutes", String.valueOf(this.discussionMinutes));
		d.put("meeting.main-speech-minutes", String.valueOf(mainSpeechMinutes()));
		d.put("meeting.attendance.principal", String.valueOf(this.principals));
		d.put("meeting.attendance.deputy", String.valueOf(this.deputies));
		d.put("meeting.attendance.staff", String.valueOf(this.staff));
		d.put("meeting.attendees", String.valueOf(attendees()));
		d.put("meeting.convener", this.convener.detail());
		if (this.venue != null) {
			d.put("meeting.venue", this.venue);
		}
		if (this.parentTitle != null) {
			d.put("meeting.parent-title", this.parentTitle);
		}
		String topics = this.agenda.stream().map(Item::topic).collect(Collectors.joining("\n"));
		d.put("meeting.agenda", topics.length() > 4000 ? topics.substring(0, 4000) : topics);
		return d;
	}

	/**
	 * One agenda item.
	 */
	public record Item(String topic, @Nullable String speaker, int minutes, boolean mainSpeech) {
	}

}
