package cn.jianfu.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jianfu.DatabaseTest;

/**
 * The ledger benchmark writes its entries and times every dashboard query; its numbers
 * are never asserted.
 */
@DatabaseTest
class LedgerBenchTests {

	@Autowired
	LedgerBench bench;

	@Autowired
	JdbcClient jdbc;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void writesTheEntriesAndReportsAMedianForEveryDashboardQuery() {
		long before = entries();
		assertThat(run("--entries", "2000")).isZero();
		assertThat(entries()).isEqualTo(before + 2000);
		String text = this.out.toString(StandardCharsets.UTF_8);
		assertThat(text).contains("wrote 写入 2,000 ledger entries");
		for (String table : List.of("townships", "issuers", "kinds", "change", "overruns", "cascades", "report-issuers",
				"report-kinds", "counts", "api unit")) {
			assertThat(text).contains("  " + table);
		}
		assertThat(run("--entries", "1000")).isZero();
		assertThat(entries()).isEqualTo(before + 3000);
	}

	@Test
	void rejectsUnknownOrIncompleteOptions() {
		assertThat(run("--entries")).isEqualTo(2);
		assertThat(run("--entries", "-5")).isEqualTo(2);
		assertThat(run("--fast", "1")).isEqualTo(2);
	}

	int run(String... args) {
		return this.bench.run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8));
	}

	long entries() {
		return this.jdbc.sql("select count(*) from ledger_entry").query(Long.class).single();
	}

}
