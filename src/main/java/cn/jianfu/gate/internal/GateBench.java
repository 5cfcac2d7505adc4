package cn.jianfu.gate.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.BenchSuite;

/**
 * The {@code bench gate} suite: drafts demands as the demo issuer (铜梁区民政局) to the
 * villages of 巴川街道, then submits each one through every gate check bean and times the
 * verdicts: throughput, p50 and p99 latency, against a baseline measured in the same run
 * (one read-only transaction of a primary-key lookup, the least a verdict costs).
 * <p>
 * Bodies are random Chinese text of 200 to 6,000 characters, so that some documents
 * exceed the length limit; due dates spread over the coming 60 days. The demands stay in
 * the database: run it on a scratch database.
 */
@Component
class GateBench implements BenchSuite {

	static final String ISSUER = "issuer";

	static final String BACHUAN = "500151001000";

	private final DemandDesk desk;

	private final Gatekeeper gatekeeper;

	private final UserDetailsService accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	GateBench(DemandDesk desk, Gatekeeper gatekeeper, UserDetailsService accounts, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock) {
		this.desk = desk;
		this.gatekeeper = gatekeeper;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "gate";
	}

	@Override
	public String description() {
		return "submit throughput and verdict latency p50/p99 with every gate check [--demands N (2000)]"
				+ " [--warmup N (200)]; needs the demo organisation; writes demands, so use a scratch database";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		Map<String, Integer> options;
		try {
			options = BenchSuite.options(args, Map.of("--demands", 2_000, "--warmup", 200));
		}
		catch (IllegalArgumentException ex) {
			out.println("bench gate: " + ex.getMessage());
			return 2;
		}
		Viewer issuer;
		try {
			issuer = ((Viewer.Signed) this.accounts.loadUserByUsername(ISSUER)).viewer();
		}
		catch (UsernameNotFoundException ex) {
			out.println("bench gate: the demo organisation is missing; run it with --jianfu.demo=true"
					+ " 缺少演示数据，请加 --jianfu.demo=true");
			return 2;
		}
		List<String> villages = this.jdbc.sql("select code from unit where parent_code = :parent order by code")
			.param("parent", BACHUAN)
			.query(String.class)
			.list();
		Random random = new Random(20261126);
		int warmup = options.get("--warmup");
		int demands = options.get("--demands");
		submitAll(issuer, villages, warmup, random, new double[warmup], new EnumMap<>(Severity.class));
		double[] baseline = new double[Math.max(demands, 1)];
		for (int i = 0; i < baseline.length; i++) {
			long start = System.nanoTime();
			this.transactions.executeWithoutResult(
					status -> this.jdbc.sql("select count(*) from demand where id = 1").query(Long.class).single());
			baseline[i] = (System.nanoTime() - start) / 1e6;
		}
		double[] latencies = new double[demands];
		Map<Severity, Integer> verdicts = new EnumMap<>(Severity.class);
		long elapsed = submitAll(issuer, villages, demands, random, latencies, verdicts);
		double p50 = BenchSuite.percentile(latencies, 50);
		double p99 = BenchSuite.percentile(latencies, 99);
		double base = BenchSuite.percentile(baseline, 50);
		out.printf("bench gate: %d demands to %d villages, checks run per submit, %d warm-up submits first%n", demands,
				villages.size(), warmup);
		out.printf("verdicts 结论: %s%n", verdicts);
		out.printf("throughput 吞吐: %.0f submits/s%n", demands * 1e9 / Math.max(1, elapsed));
		out.printf("verdict latency 审查耗时: p50 %.2f ms, p99 %.2f ms%n", p50, p99);
		out.printf("baseline 基线 (read-only transaction, p50): %.3f ms; p50 verdict / baseline = %.1f×%n", base,
				p50 / base);
		return 0;
	}

	private long submitAll(Viewer issuer, List<String> villages, int count, Random random, double[] latencies,
			Map<Severity, Integer> verdicts) {
		long total = 0;
		LocalDate today = LocalDate.now(this.clock);
		for (int i = 0; i < count; i++) {
			List<String> recipients = villages.subList(0, 1 + random.nextInt(villages.size()));
			DemandId id = this.desk.create(issuer, new DemandDraft(DemandKind.DOCUMENT, "基准测试事项 " + i, body(random),
					"民政", i % 5 == 0 ? null : "《社会救助暂行办法》", recipients, null, null,
					today.plusDays(1 + random.nextInt(60)), null, null, null, false, i % 7 == 0, false, false, null));
			long start = System.nanoTime();
			Severity verdict = this.gatekeeper.submit(issuer, id, null).verdict();
			long took = System.nanoTime() - start;
			total += took;
			latencies[i] = took / 1e6;
			verdicts.merge(verdict, 1, Integer::sum);
		}
		return total;
	}

	private static String body(Random random) {
		int length = 200 + random.nextInt(5_800);
		StringBuilder body = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			body.append((char) ('\u4e00' + random.nextInt(0x5000)));
		}
		return body.toString();
	}

}
