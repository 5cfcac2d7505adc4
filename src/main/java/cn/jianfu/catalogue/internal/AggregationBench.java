package cn.jianfu.catalogue.internal;

import java.io.PrintStream;
import java.io.Reader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

import cn.jianfu.platform.BenchSuite;

/**
 * The {@code bench aggregation} suite (PostgreSQL only): ingests N synthetic values
 * (indicator × village × month of one year, over 20 synthetic counties) with COPY through
 * the driver's CopyManager, then times the county × indicator yearly roll-up two ways in
 * the same run: the plain GROUP BY over the values (the baseline) and the same question
 * answered from a county × indicator × month summary built once after ingest (its build
 * time is printed separately). Medians of 5 runs after one warm-up. Works in tables of
 * its own ({@code catalogue_bench_*}), dropped at the end.
 */
@Component
class AggregationBench implements BenchSuite {

	static final int COUNTIES = 20;

	static final int INDICATORS = 100;

	static final int ROUNDS = 5;

	private final DataSource dataSource;

	AggregationBench(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public String name() {
		return "aggregation";
	}

	@Override
	public String description() {
		return "COPY ingest rate of N values and the county × indicator yearly roll-up on PostgreSQL, plain GROUP BY"
				+ " against a monthly county summary [--values N (2000000)]";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		int values = BenchSuite.options(args, Map.of("--values", 2_000_000)).get("--values");
		try (Connection connection = this.dataSource.getConnection()) {
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
				out.println("bench aggregation needs PostgreSQL (set JIANFU_DB_URL); this database is "
						+ connection.getMetaData().getDatabaseProductName());
				return 2;
			}
			connection.setAutoCommit(true);
			try (Statement s = connection.createStatement()) {
				s.execute("drop table if exists catalogue_bench_value");
				s.execute("drop table if exists catalogue_bench_rollup");
				s.execute("create table catalogue_bench_value (indicator_id int not null, unit_code char(12) not null,"
						+ " year smallint not null, month smallint not null, value numeric(14,2) not null)");
			}
			int villages = Math.max(1, values / (INDICATORS * 12));
			long start = System.nanoTime();
			long written = copy(connection, values, villages);
			double ingest = (System.nanoTime() - start) / 1e9;
			try (Statement s = connection.createStatement()) {
				s.execute("analyze catalogue_bench_value");
			}
			out.printf(Locale.ROOT,
					"bench aggregation: %,d values (%d indicators × %,d villages in %d counties × 12 months)%n",
					written, INDICATORS, villages, COUNTIES);
			out.printf(Locale.ROOT, "ingest with COPY: %.2f s, %,.0f values/s (target ≥ 200,000)%n", ingest,
					written / ingest);

			String plain = "select substr(unit_code, 1, 6) as county, indicator_id, sum(value) from catalogue_bench_value"
					+ " where year = 2026 group by 1, 2";
			double plainMedian = time(connection, plain);
			start = System.nanoTime();
			try (Statement s = connection.createStatement()) {
				s.execute(
						"create table catalogue_bench_rollup as select substr(unit_code, 1, 6) as county, indicator_id,"
								+ " year, month, sum(value) as total, count(*) as n from catalogue_bench_value"
								+ " group by 1, 2, 3, 4");
				s.execute("create index catalogue_bench_rollup_year on catalogue_bench_rollup (year)");
				s.execute("analyze catalogue_bench_rollup");
			}
			double build = (System.nanoTime() - start) / 1e9;
			String summary = "select county, indicator_id, sum(total) from catalogue_bench_rollup where year = 2026"
					+ " group by 1, 2";
			double summaryMedian = time(connection, summary);
			out.printf(Locale.ROOT, "roll-up county × indicator for 2026 (%d × %d cells), median of %d:%n", COUNTIES,
					INDICATORS, ROUNDS);
			out.printf(Locale.ROOT, "  plain GROUP BY over the values (baseline)  %8.3f s%n", plainMedian);
			out.printf(Locale.ROOT,
					"  from the monthly county summary            %8.3f s   (%.0f× faster; target ≤ 0.5 s)%n",
					summaryMedian, plainMedian / summaryMedian);
			out.printf(Locale.ROOT, "  building the summary once after ingest     %8.2f s%n", build);
			try (Statement s = connection.createStatement()) {
				s.execute("drop table catalogue_bench_rollup");
				s.execute("drop table catalogue_bench_value");
			}
			return 0;
		}
		catch (SQLException ex) {
			out.println("bench aggregation failed: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Streams the values into COPY through the driver's CopyManager, reached by
	 * reflection so that the driver stays a runtime dependency.
	 */
	private static long copy(Connection connection, int values, int villages) throws SQLException {
		Rows rows = new Rows(values, villages);
		try {
			Class<?> pg = Class.forName("org.postgresql.PGConnection");
			Object manager = pg.getMethod("getCopyAPI").invoke(connection.unwrap(pg));
			Object copied = manager.getClass()
				.getMethod("copyIn", String.class, Reader.class, int.class)
				.invoke(manager, "COPY catalogue_bench_value (indicator_id, unit_code, year, month, value) FROM STDIN",
						rows, 1 << 20);
			return (Long) copied;
		}
		catch (ReflectiveOperationException ex) {
			Throwable cause = ex.getCause() == null ? ex : ex.getCause();
			throw new SQLException("COPY failed: " + cause.getMessage(), cause);
		}
	}

	/** The synthetic values as COPY text, generated as they are read. */
	static final class Rows extends Reader {

		private final int values;

		private final int villages;

		private final SplittableRandom random = new SplittableRandom(20261126);

		private final StringBuilder line = new StringBuilder(64);

		private int position;

		private long written;

		Rows(int values, int villages) {
			this.values = values;
			this.villages = villages;
		}

		@Override
		public int read(char[] buffer, int offset, int length) {
			int n = 0;
			while (n < length) {
				if (this.position == this.line.length()) {
					if (this.written == this.values) {
						break;
					}
					next();
				}
				int take = Math.min(length - n, this.line.length() - this.position);
				this.line.getChars(this.position, this.position + take, buffer, offset + n);
				this.position += take;
				n += take;
			}
			return n == 0 ? -1 : n;
		}

		private void next() {
			long i = this.written++;
			int v = (int) (i % this.villages);
			int indicator = (int) ((i / this.villages) % INDICATORS) + 1;
			int month = (int) ((i / ((long) this.villages * INDICATORS)) % 12) + 1;
			int county = v % COUNTIES;
			int township = (v / COUNTIES) % 30 + 1;
			int village = v / (COUNTIES * 30) + 1;
			this.line.setLength(0);
			this.line.append(indicator).append("\t5099").append(county < 10 ? "0" : "").append(county);
			pad(township);
			pad(village);
			this.line.append("\t2026\t")
				.append(month)
				.append('\t')
				.append(this.random.nextInt(100_000))
				.append('.')
				.append(this.random.nextInt(10))
				.append('\n');
			this.position = 0;
		}

		private void pad(int number) {
			if (number < 100) {
				this.line.append('0');
			}
			if (number < 10) {
				this.line.append('0');
			}
			this.line.append(number);
		}

		@Override
		public void close() {
		}

	}

	private static double time(Connection connection, String sql) throws SQLException {
		double[] times = new double[ROUNDS];
		for (int r = -1; r < ROUNDS; r++) {
			long start = System.nanoTime();
			try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
				while (rows.next()) {
					rows.getString(1);
				}
			}
			if (r >= 0) {
				times[r] = (System.nanoTime() - start) / 1e9;
			}
		}
		return BenchSuite.percentile(times, 50);
	}

}
