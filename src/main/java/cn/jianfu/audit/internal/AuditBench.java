package cn.jianfu.audit.internal;

import java.io.PrintStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.platform.BenchSuite;

/**
 * The {@code bench audit} suite: how fast the SM3 audit chain grows in memory (against a
 * SHA-256 chain over the same bytes, measured in the same run) and how fast
 * {@link AuditLog} appends rows to the configured database.
 * <p>
 * One untimed warm-up of the in-memory chains runs first. The database rows are real
 * audit rows of type {@code benchmark}: the log is append-only, so they stay; use
 * {@code --rows 0} against a production database.
 */
@Component
class AuditBench implements BenchSuite {

	static final int ROUNDS = 5;

	/** The options and their defaults: links in memory, rows through the audit log. */
	static final Map<String, Integer> OPTIONS = Map.of("--links", 100_000, "--rows", 2_000);

	private static final Instant FIXED_TIME = Instant.parse("2026-01-01T00:00:00Z");

	private final AuditLog auditLog;

	AuditBench(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public String name() {
		return "audit";
	}

	@Override
	public String description() {
		return "SM3 audit chain in memory vs SHA-256, and AuditLog appends to the database"
				+ " [--links N (100000)] [--rows M (2000); rows are permanent audit rows of type benchmark]";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		int links;
		int rows;
		try {
			Map<String, Integer> options = BenchSuite.options(args, OPTIONS);
			links = options.get("--links");
			rows = options.get("--rows");
		}
		catch (IllegalArgumentException ex) {
			out.println("bench audit: " + ex.getMessage());
			out.println("Usage 用法: bench audit [--links N] [--rows M]");
			return 2;
		}
		sm3Chain(Math.min(links, 20_000));
		sha256Chain(Math.min(links, 20_000));
		double[] sm3 = new double[ROUNDS];
		double[] sha256 = new double[ROUNDS];
		double[] database = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			int round = i + 1;
			sm3[i] = perSecond(links, () -> sm3Chain(links));
			sha256[i] = perSecond(links, () -> sha256Chain(links));
			database[i] = (rows == 0) ? 0 : perSecond(rows, () -> appendRows(rows, round));
			out.printf("round %d: SM3 %.0f links/s, SHA-256 %.0f links/s, database %.0f rows/s%n", round, sm3[i],
					sha256[i], database[i]);
		}
		double sm3Median = median(sm3);
		double sha256Median = median(sha256);
		out.printf("median of %d rounds 五轮中位数:%n", ROUNDS);
		out.printf("  SM3 chain in memory 内存中 SM3 哈希链: %.0f links/s (%d links)%n", sm3Median, links);
		out.printf("  SHA-256 baseline 基线: %.0f links/s; SM3/SHA-256 ratio 比值: %.2f%n", sha256Median,
				sm3Median / sha256Median);
		if (rows > 0) {
			out.printf("  AuditLog into the database 写入数据库: %.0f rows/s (%d rows)%n", median(database), rows);
		}
		return 0;
	}

	private static String sm3Chain(int links) {
		String hash = AuditChain.GENESIS;
		for (int i = 1; i <= links; i++) {
			hash = AuditChain.hash(hash, i, FIXED_TIME, "bench", AuditTypes.BENCHMARK, "SUCCESS", "unit:500151000000",
					"link " + i);
		}
		return hash;
	}

	private static String sha256Chain(int links) {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		HexFormat hex = HexFormat.of();
		String hash = AuditChain.GENESIS;
		for (int i = 1; i <= links; i++) {
			hash = hex.formatHex(sha256.digest(AuditChain.encode(hash, i, FIXED_TIME, "bench", AuditTypes.BENCHMARK,
					"SUCCESS", "unit:500151000000", "link " + i)));
		}
		return hash;
	}

	private String appendRows(int rows, int round) {
		for (int i = 1; i <= rows; i++) {
			this.auditLog.record(new AuditEvent(AuditTypes.SYSTEM, AuditTypes.BENCHMARK, AuditResult.SUCCESS,
					"bench:audit", "round " + round + " row " + i));
		}
		return "";
	}

	private static double perSecond(int count, Run work) {
		long start = System.nanoTime();
		String sink = work.run();
		long elapsed = Math.max(1, System.nanoTime() - start);
		if (sink.hashCode() == 42) {
			Thread.onSpinWait();
		}
		return count * 1e9 / elapsed;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	@FunctionalInterface
	private interface Run {

		String run();

	}

}
