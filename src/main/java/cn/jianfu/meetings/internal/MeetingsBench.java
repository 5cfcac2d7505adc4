package cn.jianfu.meetings.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jianfu.platform.BenchSuite;

/**
 * {@code bench meetings}: how long a township's iCalendar export of N meetings takes
 * (escaping and folding to RFC 5545) against a baseline that joins the same fields with
 * plain line breaks, and how long clash detection over N meetings takes; medians over
 * rounds, in memory (no database).
 */
@Component
class MeetingsBench implements BenchSuite {

	@Override
	public String name() {
		return "meetings";
	}

	@Override
	public String description() {
		return "iCalendar export and clash detection of N meetings against a plain-text baseline"
				+ " (--meetings N, --rounds R)";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		Map<String, Integer> options;
		try {
			options = BenchSuite.options(args, Map.of("--meetings", 500, "--rounds", 30));
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			return 2;
		}
		int n = Math.max(1, options.get("--meetings"));
		int rounds = Math.max(1, options.get("--rounds"));
		List<ICalendar.Event> events = new ArrayList<>();
		LocalDateTime start = LocalDateTime.of(2027, 3, 8, 9, 0);
		for (int i = 0; i < n; i++) {
			LocalDateTime s = start.plusHours(i * 5L);
			events.add(new ICalendar.Event(i, "传达学习全市民政工作会议精神暨部署冬春救助工作的全区视频会议，第 " + i + " 次", s, s.plusHours(2),
					"区政府第一会议室；视频分会场",
					"现场+视频会议；准入编号 JF-500151-2027-" + i + "\n参会：主要负责同志 0 人，分管负责同志 1 人，工作人员 1 人\n议程：\n1. 传达精神\n2. 部署工作",
					"JF-500151-2027-" + i, false));
		}
		double[] ics = new double[rounds];
		double[] plain = new double[rounds];
		double[] clashes = new double[rounds];
		long sink = 0;
		for (int r = 0; r < rounds; r++) {
			long t0 = System.nanoTime();
			sink += ICalendar.write("巴川街道 会议日历", events, Instant.EPOCH, "bench").length();
			long t1 = System.nanoTime();
			StringBuilder baseline = new StringBuilder();
			for (ICalendar.Event e : events) {
				baseline.append(e.demandId())
					.append('\n')
					.append(e.title())
					.append('\n')
					.append(e.start())
					.append('\n')
					.append(e.end())
					.append('\n')
					.append(e.venue())
					.append('\n')
					.append(e.description())
					.append('\n');
			}
			sink += baseline.length();
			long t2 = System.nanoTime();
			int clashing = 0;
			for (ICalendar.Event a : events) {
				for (ICalendar.Event b : events) {
					if (a != b && MeetingCalendar.overlap(a.start(), a.end(), b.start(), b.end())) {
						clashing++;
						break;
					}
				}
			}
			sink += clashing;
			long t3 = System.nanoTime();
			ics[r] = (t1 - t0) / 1e6;
			plain[r] = (t2 - t1) / 1e6;
			clashes[r] = (t3 - t2) / 1e6;
		}
		double icsMedian = BenchSuite.percentile(ics, 50);
		double plainMedian = BenchSuite.percentile(plain, 50);
		out.printf(Locale.ROOT, "meetings=%d rounds=%d%n", n, rounds);
		out.printf(Locale.ROOT, "ics export           median %.3f ms  p90 %.3f ms%n", icsMedian,
				BenchSuite.percentile(ics, 90));
		out.printf(Locale.ROOT, "plain-text baseline  median %.3f ms  (ics/baseline = %.1f)%n", plainMedian,
				icsMedian / Math.max(plainMedian, 1e-9));
		out.printf(Locale.ROOT, "clash detection      median %.3f ms  p90 %.3f ms%n",
				BenchSuite.percentile(clashes, 50), BenchSuite.percentile(clashes, 90));
		out.printf(Locale.ROOT, "(checksum %d)%n", sink);
		return 0;
	}

}
