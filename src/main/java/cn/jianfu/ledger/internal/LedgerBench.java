package cn.jianfu.ledger.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.platform.BenchSuite;

/**
 * The {@code bench ledger} suite: writes N synthetic ledger entries (a fresh batch of
 * demands, each addressed to about ten units) over the demo units of 铜梁区 and a few
 * hundred synthetic townships and villages added under it, then times every dashboard
 * query for the whole district, five runs each after one warm-up, and prints the medians.
 * <p>
 * The rows stay in the database (synthetic units are named 基准…; entries have gate numbers
 * JF-BENCH-…); run it against a database made for the purpose.
 */
@Component
class LedgerBench implements BenchSuite {

	static final String DISTRICT = "500151000000";

	static final int ROUNDS = 5;

	static final int TOWNSHIPS = 20;

	static final int VILLAGES_PER_TOWNSHIP = 14;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Dashboards dashboards;

	private final DataSource dataSource;

	private final LedgerEntries entries;

	LedgerBench(JdbcClient jdbc, JdbcTemplate batch, Dashboards dashboards, DataSource dataSource,
			LedgerEntries entries) {
		this.entries = entries;
		this.jdbc = jdbc;
		this.batch = batch;
		this.dashboards = dashboards;
		this.dataSource = dataSource;
	}

	@Override
	public String name() {
		return "ledger";
	}

	@Override
	public String description() {
		return "writes synthetic ledger entries over 铜梁区 and times every dashboard query (median of 5)"
				+ " [--entries N (1000000); 0 times the ledger as it is]";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		int entries;
		try {
			entries = entries(args);
		}
		catch (IllegalArgumentException ex) {
			out.println("bench ledger: " + ex.getMessage());
			out.println("Usage 用法: bench ledger [--entries N]");
			return 2;
		}
		String path = this.jdbc.sql("select path from unit where code = :c")
			.param("c", DISTRICT)
			.query(String.class)
			.optional()
			.orElse(null);
		if (path == null) {
			out.println("bench ledger: unit " + DISTRICT + " (铜梁区) is missing; start once with --jianfu.demo=true");
			return 1;
		}
		int year = LocalDate.now(LedgerEntries.CHINA).getYear();
		if (entries > 0) {
			List<String> units = units(path);
			long start = System.nanoTime();
			generate(entries, units, year);
			double seconds = (System.nanoTime() - start) / 1e9;
			out.printf("wrote 写入 %,d ledger entries over %d units in %.1f s (%.0f rows/s)%n", entries, units.size(),
					seconds, entries / seconds);
			start = System.nanoTime();
			this.entries.rebuildRollups();
			out.printf("rebuilt 重建 the roll-ups in %.1f s%n", (System.nanoTime() - start) / 1e9);
			analyze();
		}
		long total = this.jdbc.sql("select count(*) from ledger_entry").query(Long.class).single();
		out.printf("ledger_entry holds 台账共 %,d rows; database 数据库: %s%n", total, product());
		Dashboards.Filter filter = new Dashboards.Filter(path + "%", null, null, DISTRICT);
		out.printf("dashboard queries for 铜梁区, year %d, median of %d runs (min … max) 仪表盘查询耗时中位数:%n", year, ROUNDS);
		List<String> keys = new ArrayList<>(Dashboards.DASHBOARD);
		keys.addAll(Dashboards.REPORT);
		for (String key : keys) {
			time(out, key, () -> this.dashboards.table(key, filter, year).rows().size());
		}
		time(out, "counts", () -> this.dashboards.counts(filter, year).size());
		String township = this.jdbc
			.sql("select recipient_unit_code from ledger_entry where recipient_level = 4 and period_year = :y limit 1")
			.param("y", year)
			.query(String.class)
			.optional()
			.orElse(DISTRICT);
		time(out, "api unit " + township, () -> this.dashboards.unit(filter, township, year).map(List::size).orElse(0));
		time(out, "demands of " + township, () -> this.dashboards.demands(filter, year, township, null).rows().size());
		return 0;
	}

	private void time(PrintStream out, String name, Supplier<Integer> query) {
		query.get();
		double[] ms = new double[ROUNDS];
		int rows = 0;
		for (int i = 0; i < ROUNDS; i++) {
			long start = System.nanoTime();
			rows = query.get();
			ms[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(ms);
		out.printf("  %-28s %8.1f ms  (%.1f … %.1f)  %d rows%n", name, ms[ROUNDS / 2], ms[0], ms[ROUNDS - 1], rows);
	}

	/** The district's units, with synthetic townships and villages added once. */
	private List<String> units(String districtPath) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		for (int t = 0; t < TOWNSHIPS; t++) {
			String township = "500151" + (900 + t) + "000";
			String townshipPath = districtPath + township + "/";
			rows.add(new Object[] { township, "基准镇" + (t + 1), 4, DISTRICT, townshipPath, now, now });
			for (int v = 1; v <= VILLAGES_PER_TOWNSHIP; v++) {
				String village = "500151" + (900 + t) + "%03d".formatted(v);
				rows.add(new Object[] { village, "基准镇" + (t + 1) + "第" + v + "村", 5, township,
						townshipPath + village + "/", now, now });
			}
		}
		List<String> existing = this.jdbc.sql("select code from unit where code like '500151_%'")
			.query(String.class)
			.list();
		rows.removeIf(r -> existing.contains((String) r[0]));
		this.batch.batchUpdate("insert into unit (code, name, level, parent_code, path, created_at, updated_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?)", rows);
		return this.jdbc.sql("select code from unit where path like :p and level >= 4 order by code")
			.param("p", districtPath + "%")
			.query(String.class)
			.list();
	}

	private void generate(int entries, List<String> units, int year) {
		long firstDemand = this.jdbc.sql("select coalesce(max(demand_id), 0) + 1 from ledger_entry")
			.query(Long.class)
			.single();
		List<Long> departments = this.jdbc.sql("select id from department where unit_code = :c")
			.param("c", DISTRICT)
			.query(Long.class)
			.list();
		DemandKind[] kinds = DemandKind.values();
		SplittableRandom random = new SplittableRandom(42);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>(5000);
		int written = 0;
		long demand = firstDemand;
		while (written < entries) {
			int fanOut = Math.min(entries - written, 5 + random.nextInt(11));
			DemandKind kind = kinds[random.nextInt(kinds.length)];
			int y = random.nextInt(4) == 0 ? year - 1 : year;
			int month = 1 + random.nextInt(12);
			LocalDate due = LocalDate.of(y, month, 1 + random.nextInt(28));
			Long department = departments.isEmpty() ? null : departments.get(random.nextInt(departments.size()));
			Long parent = (demand > firstDemand && random.nextInt(10) == 0)
					? firstDemand + random.nextLong(demand - firstDemand) : null;
			int at = random.nextInt(units.size());
			for (int i = 0; i < fanOut; i++) {
				String unit = units.get((at + i * 7) % units.size());
				BigDecimal hours = BigDecimal.valueOf(random.nextInt(800), 2);
				String status = random.nextInt(50) == 0 ? "REFUSED" : (random.nextInt(3) == 0 ? "DONE" : "OPEN");
				BigDecimal actual = status.equals("DONE") ? BigDecimal.valueOf(random.nextInt(900), 2) : null;
				rows.add(new Object[] { demand, "JF-BENCH-" + demand, "基准事项 " + demand, kind.name(), "民政", DISTRICT,
						department, parent, unit, unit.endsWith("000") ? 4 : 5, y, month, Date.valueOf(due), now, hours,
						hours + " h", hours + " h", actual, status, now });
				if (rows.size() == 5000) {
					insert(rows);
				}
			}
			written += fanOut;
			demand++;
		}
		insert(rows);
	}

	private void insert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("insert into ledger_entry (demand_id, gate_number, title, kind, field, issuer_unit_code,"
				+ " issuer_department_id, parent_demand_id, recipient_unit_code, recipient_level, period_year,"
				+ " period_month, due_date, issued_at, estimated_hours, explanation_zh, explanation_en, actual_hours,"
				+ " status, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		rows.clear();
	}

	private void analyze() {
		if (product().startsWith("PostgreSQL")) {
			// as autovacuum would after a bulk load: sets the visibility map, so that
			// index-only scans stay so
			this.jdbc.sql("vacuum analyze ledger_entry").update();
			this.jdbc.sql("analyze unit").update();
			this.jdbc.sql("analyze ledger_unit_month").update();
			this.jdbc.sql("analyze ledger_unit_issuer").update();
		}
	}

	private String product() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			return "unknown";
		}
	}

	static int entries(List<String> args) {
		return BenchSuite.options(args, Map.of("--entries", 1_000_000)).get("--entries");
	}

}
