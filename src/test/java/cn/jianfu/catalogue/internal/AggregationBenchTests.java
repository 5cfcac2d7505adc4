package cn.jianfu.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class AggregationBenchTests {

	@Test
	void theRowsAreCopyTextOverVillagesOfSyntheticCounties() throws Exception {
		List<String> lines = new BufferedReader(new AggregationBench.Rows(25, 3)).lines().toList();
		assertThat(lines).hasSize(25);
		assertThat(lines.get(0)).matches("1\\t509900001001\\t2026\\t1\\t\\d+\\.\\d");
		assertThat(lines.get(1)).startsWith("1\t509901001001\t2026\t1\t");
		assertThat(lines.get(3)).startsWith("2\t509900001001\t2026\t1\t");
		assertThat(lines).allMatch(l -> l.split("\t").length == 5);
	}

	@Test
	void onAnotherDatabaseItSaysItNeedsPostgresql() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:aggregation-bench");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = new AggregationBench(h2).run(List.of("--values", "10"),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(code).isEqualTo(2);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("needs PostgreSQL");
	}

}
