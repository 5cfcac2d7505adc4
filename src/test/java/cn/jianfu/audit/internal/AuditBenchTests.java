package cn.jianfu.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jianfu.DatabaseTest;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.platform.BenchSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit benchmark runs and reports; its numbers are never asserted.
 */
@DatabaseTest
class AuditBenchTests {

	@Autowired
	AuditBench bench;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void reportsMediansAndTheRatioToSha256AndWritesVerifiableRows() {
		long before = benchmarkRows();
		assertThat(run("--links", "200", "--rows", "3")).isZero();
		assertThat(text()).contains("SM3 chain in memory")
			.contains("links/s (200 links)")
			.contains("SM3/SHA-256 ratio")
			.contains("rows/s (3 rows)");
		assertThat(benchmarkRows()).isEqualTo(before + 3 * AuditBench.ROUNDS);
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	@Test
	void skipsTheDatabaseWithZeroRows() {
		long before = benchmarkRows();
		assertThat(run("--links", "10", "--rows", "0")).isZero();
		assertThat(text()).doesNotContain("rows/s (");
		assertThat(benchmarkRows()).isEqualTo(before);
	}

	@Test
	void rejectsUnknownOrIncompleteOptions() {
		assertThat(run("--links")).isEqualTo(2);
		assertThat(run("--links", "many")).isEqualTo(2);
		assertThat(run("--links", "-1")).isEqualTo(2);
		assertThat(run("--fast")).isEqualTo(2);
		assertThat(text()).contains("bench audit [--links N] [--rows M]");
	}

	@Test
	void takesDefaultsOfAHundredThousandLinksAndTwoThousandRows() {
		assertThat(BenchSuite.options(List.of(), AuditBench.OPTIONS).get("--links")).isEqualTo(100_000);
		assertThat(BenchSuite.options(List.of("--rows", "5"), AuditBench.OPTIONS).get("--links")).isEqualTo(100_000);
		assertThat(BenchSuite.options(List.of("--rows", "5"), AuditBench.OPTIONS).get("--rows")).isEqualTo(5);
	}

	@Test
	void takesTheMiddleValueAsMedian() {
		assertThat(AuditBench.median(new double[] { 5, 1, 4, 2, 3 })).isEqualTo(3);
		assertThat(AuditBench.median(new double[] { 4, 1, 3, 2 })).isEqualTo(2.5);
	}

	private int run(String... args) {
		return this.bench.run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8));
	}

	private String text() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private long benchmarkRows() {
		return this.jdbc.sql("select count(*) from audit_event where event_type = ?")
			.param(AuditTypes.BENCHMARK)
			.query(Long.class)
			.single();
	}

}
