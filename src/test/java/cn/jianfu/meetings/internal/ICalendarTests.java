package cn.jianfu.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * iCalendar as RFC 5545 writes it: CRLF line ends, folding at 75 octets without splitting
 * a UTF-8 character, escaped TEXT values, UTC times.
 */
class ICalendarTests {

	static final Instant STAMP = Instant.parse("2026-11-26T02:00:00Z");

	static ICalendar.Event event(String title, String description) {
		return new ICalendar.Event(42, title, LocalDateTime.of(2026, 12, 8, 9, 0),
				LocalDateTime.of(2026, 12, 8, 11, 30), "区政府第一会议室", description, "JF-500151-2026-000042", false);
	}

	@Test
	void everyLineEndsInCrlfAndTimesAreUtc() {
		String ics = ICalendar.write("巴川街道 会议日历", List.of(event("推进会", "议程")), STAMP, "jianfu.example");
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		// Beijing 09:00 is 01:00 UTC
		assertThat(ics).contains("\r\nDTSTART:20261208T010000Z\r\n")
			.contains("\r\nDTEND:20261208T033000Z\r\n")
			.contains("\r\nDTSTAMP:20261126T020000Z\r\n")
			.contains("\r\nUID:meeting-42@jianfu.example\r\n")
			.contains("\r\nSTATUS:CONFIRMED\r\n");
	}

	@Test
	void textValuesEscapeBackslashSemicolonCommaAndNewline() {
		assertThat(ICalendar.escape("a\\b;c,d\ne\r\nf")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf");
		String ics = ICalendar.write("日历", List.of(event("会议;第一次,全体", "第一行\n第二行")), STAMP, "h");
		assertThat(ics).contains("SUMMARY:会议\\;第一次\\,全体\r\n").contains("DESCRIPTION:第一行\\n第二行\r\n");
	}

	@Test
	void longLinesAreFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() {
		String title = "传达学习全市民政工作会议精神暨部署冬春救助和养老服务质量提升工作的全区视频会议".repeat(3);
		String ics = ICalendar.write("日历", List.of(event(title, "x")), STAMP, "h");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
			assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(line);
		}
		// unfolding (remove CRLF + space) gives back the value
		assertThat(unfold(ics)).contains("SUMMARY:" + title + "\r\n");
	}

	@Test
	void aLineOfExactlySeventyFiveOctetsIsNotFoldedAndOneMoreIs() {
		StringBuilder exactly = new StringBuilder();
		ICalendar.line(exactly, "X".repeat(75));
		assertThat(exactly.toString()).isEqualTo("X".repeat(75) + "\r\n");
		StringBuilder more = new StringBuilder();
		ICalendar.line(more, "X".repeat(76));
		assertThat(more.toString()).isEqualTo("X".repeat(75) + "\r\n X\r\n");
		// a three-octet character that would end at octet 76 moves to the next line
		StringBuilder chinese = new StringBuilder();
		ICalendar.line(chinese, "X".repeat(73) + "会");
		assertThat(chinese.toString()).isEqualTo("X".repeat(73) + "\r\n 会\r\n");
	}

	@Test
	void foldingAndEscapingRoundTripForRandomText() {
		Random random = new Random(7);
		String alphabet = "会议传达精神;,\\\n aZ9😀é";
		for (int i = 0; i < 300; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(200);
			for (int j = 0; j < length; j++) {
				int start = random.nextInt(alphabet.length());
				int cp = alphabet.codePointAt(start);
				if (Character.isLowSurrogate(alphabet.charAt(start))) {
					cp = alphabet.codePointAt(start - 1);
				}
				text.appendCodePoint(cp);
			}
			StringBuilder out = new StringBuilder();
			ICalendar.line(out, "DESCRIPTION:" + ICalendar.escape(text.toString()));
			for (String line : out.toString().split("\r\n")) {
				assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
			}
			String unfolded = unfold(out.toString());
			assertThat(unescape(unfolded.substring("DESCRIPTION:".length(), unfolded.length() - 2)))
				.isEqualTo(text.toString());
		}
	}

	private static String unfold(String ics) {
		return ics.replace("\r\n ", "");
	}

	private static String unescape(String value) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				out.append(next == 'n' || next == 'N' ? '\n' : next);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
