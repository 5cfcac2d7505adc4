package cn.jianfu.meetings.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes meetings as an iCalendar object (RFC 5545): lines end in CRLF, lines longer than
 * 75 octets are folded (CRLF and a space, never inside a UTF-8 character), and TEXT
 * values escape backslash, semicolon, comma and newline. Times are written in UTC, so no
 * VTIMEZONE is needed.
 */
public final class ICalendar {

	static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private static final int MAX_OCTETS = 75;

	private ICalendar() {
	}

	/** One event: a meeting as a recipient sees it. */
	public record Event(long demandId, String title, LocalDateTime start, LocalDateTime end, @Nullable String venue,
			String description, @Nullable String gateNumber, boolean cancelled) {
	}

	public static String write(String calendarName, List<Event> events, Instant stamp, String host) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Jianfu//Meetings//ZH");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + escape(calendarName));
		for (Event e : events) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:meeting-" + e.demandId() + "@" + host);
			line(out, "DTSTAMP:" + UTC.format(stamp));
			line(out, "DTSTART:" + UTC.format(e.start().atZone(MeetingDesk.CHINA)));
			line(out, "DTEND:" + UTC.format(e.end().atZone(MeetingDesk.CHINA)));
			line(out, "SUMMARY:" + escape(e.title()));
			if (e.venue() != null) {
				line(out, "LOCATION:" + escape(e.venue()));
			}
			line(out, "DESCRIPTION:" + escape(e.description()));
			if (e.gateNumber() != null) {
				line(out, "X-JIANFU-GATE-NUMBER:" + escape(e.gateNumber()));
			}
			line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** A TEXT value with backslash, semicolon, comma and line breaks escaped. */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case ';' -> out.append("\\;");
				case ',' -> out.append("\\,");
				case '\n' -> out.append("\\n");
				case '\r' -> {
					if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
						continue;
					}
					out.append("\\n");
				}
				default -> {
					if (c < 0x20 && c != '\t') {
						continue;
					}
					out.append(c);
				}
			}
		}
		return out.toString();
	}

	/** How many octets a code point takes in UTF-8. */
	static int utf8Octets(int codePoint) {
		if (codePoint < 0x80) {
			return 1;
		}
		if (codePoint < 0x800) {
			return 2;
		}
		return codePoint < 0x10000 ? 3 : 4;
	}

	/**
	 * Appends a content line, folded so that no physical line exceeds 75 octets (the
	 * continuation's leading space counts).
	 */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		int limit = MAX_OCTETS;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = utf8Octets(codePoint);
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 0;
				limit = MAX_OCTETS - 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

}
