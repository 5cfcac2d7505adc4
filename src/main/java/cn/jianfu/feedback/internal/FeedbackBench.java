package cn.jianfu.feedback.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jianfu.platform.BenchSuite;

/**
 * The {@code bench feedback} suite: small-cell suppression of an issuer × month table
 * (against primary suppression alone on the same tables), and anonymous reports sent and
 * looked up by receipt code through {@link ReportDesk} (against one primary-key read).
 * Reports written are real rows; run it on a scratch database.
 */
@Component
class FeedbackBench implements BenchSuite {

	static final Map<String, Integer> OPTIONS = Map.of("--issuers", 60, "--tables", 200, "--reports", 500);

	private final ReportDesk desk;

	private final ReportThrottle throttle;

	private final JdbcClient jdbc;

	FeedbackBench(ReportDesk desk, ReportThrottle throttle, JdbcClient jdbc) {
		this.desk = desk;
		this.throttle = throttle;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "feedback";
	}

	@Override
	public String description() {
		return "small-cell suppression vs primary suppression only; anonymous submit and receipt lookup vs a"
				+ " primary-key read [--issuers N (60)] [--tables T (200)] [--reports R (500); rows are permanent]";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		Map<String, Integer> options;
		try {
			options = BenchSuite.options(args, OPTIONS);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			return 2;
		}
		int issuers = Math.max(1, options.get("--issuers"));
		int tables = Math.max(1, options.get("--tables"));
		int reports = options.get("--reports");
		Random random = new Random(42);
		double[] full = new double[tables];
		double[] primary = new double[tables];
		long suppressed = 0;
		for (int t = 0; t < tables; t++) {
			long[][] counts = new long[issuers][12];
			for (int i = 0; i < issuers; i++) {
				for (int j = 0; j < 12; j++) {
					counts[i][j] = (long) Math.floor(Math.exp(random.nextGaussian() * 1.2 + 1.2));
				}
			}
			long start = System.nanoTime();
			int hidden = 0;
			for (long[] row : counts) {
				for (long cell : row) {
					hidden += cell < SmallCells.THRESHOLD ? 1 : 0;
				}
			}
			primary[t] = (System.nanoTime() - start) / 1e6;
			start = System.nanoTime();
			Long[][] published = SmallCells.publish(counts);
			full[t] = (System.nanoTime() - start) / 1e6;
			for (Long[] row : published) {
				for (Long cell : row) {
					suppressed += cell == null ? 1 : 0;
				}
			}
			suppressed -= hidden;
		}
		out.printf(
				"suppression of %d×12 tables (%d tables): p50 %.3f ms, p99 %.3f ms; primary only p50 %.4f ms;"
						+ " %.1f extra cells suppressed per table%n",
				issuers, tables, BenchSuite.percentile(full, 50), BenchSuite.percentile(full, 99),
				BenchSuite.percentile(primary, 50), (double) suppressed / tables);
		if (reports == 0) {
			return 0;
		}
		double[] submit = new double[reports];
		double[] lookup = new double[reports];
		double[] baseline = new double[reports];
		for (int i = 0; i < reports; i++) {
			this.throttle.reset();
			long start = System.nanoTime();
			ReportDesk.Receipt receipt = this.desk.submit("DATA", "基准测试 " + i + "：重复报表", "", List.of());
			submit[i] = (System.nanoTime() - start) / 1e6;
			start = System.nanoTime();
			this.desk.follow(receipt.code()).orElseThrow();
			lookup[i] = (System.nanoTime() - start) / 1e6;
			start = System.nanoTime();
			this.jdbc.sql("select count(*) from feedback_report where id = :id")
				.param("id", i + 1)
				.query(Long.class)
				.single();
			baseline[i] = (System.nanoTime() - start) / 1e6;
		}
		this.throttle.reset();
		double base = BenchSuite.percentile(baseline, 50);
		out.printf("submit (%d reports): p50 %.2f ms, p99 %.2f ms (%.0f× baseline)%n", reports,
				BenchSuite.percentile(submit, 50), BenchSuite.percentile(submit, 99),
				BenchSuite.percentile(submit, 50) / base);
		out.printf("lookup by receipt code: p50 %.2f ms, p99 %.2f ms (%.0f× baseline)%n",
				BenchSuite.percentile(lookup, 50), BenchSuite.percentile(lookup, 99),
				BenchSuite.percentile(lookup, 50) / base);
		out.printf("baseline (primary-key read): p50 %.3f ms%n", base);
		return 0;
	}

}
