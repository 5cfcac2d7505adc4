package cn.jianfu.ledger.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.gate.RuleValues;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.ledger.internal.Table.Cell;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The burden dashboards, computed from ledger entries alone and limited to the viewer's
 * scope by the recipient unit's path; an issuer who is not also a gatekeeper, supervisor
 * or administrator sees only the demands of its own unit (and department). Hours are
 * estimated hours of entries not refused: a refused demand imposes no obligation.
 */
@Component
@Transactional(readOnly = true)
public class Dashboards {

	/** The tables of the dashboard page, in order. */
	public static final List<String> DASHBOARD = List.of("townships", "issuers", "kinds", "change", "overruns",
			"cascades", "refusals");

	/** The tables of the yearly report. */
	public static final List<String> REPORT = List.of("report-issuers", "report-kinds");

	static final int TOP = 30;

	private static final String FROM = " from ledger_entry e join unit u on u.code = e.recipient_unit_code";

	private static final String JOIN = " join unit u on u.code = r.recipient_unit_code where u.path like :scope";

	private final JdbcClient jdbc;

	private final Rulebook rulebook;

	private final LedgerEntries entries;

	Dashboards(JdbcClient jdbc, Rulebook rulebook, LedgerEntries entries) {
		this.jdbc = jdbc;
		this.rulebook = rulebook;
		this.entries = entries;
	}

	/**
	 * What a viewer may read of the ledger: its scope, and its own unit as issuer unless
	 * it reads for the jurisdiction.
	 */
	public record Filter(String pathPattern, @Nullable String issuerUnitCode, @Nullable Long issuerDepartmentId,
			String viewerUnitCode) {

		public static Filter of(Viewer viewer) {
			if (viewer.has(Role.GATEKEEPER) || viewer.has(Role.SUPERVISOR) || viewer.has(Role.ADMIN)) {
				return new Filter(viewer.scope().pathPattern(), null, null, viewer.unitCode());
			}
			if (viewer.has(Role.ISSUER)) {
				return new Filter(viewer.scope().pathPattern(), viewer.unitCode(), viewer.departmentId(),
						viewer.unitCode());
			}
			throw new Problem(HttpStatus.FORBIDDEN, "ledger.forbidden");
		}

		/**
		 * The unit-month roll-up, or for an issuer the same rows computed from its own
		 * entries.
		 */
		String unitMonth() {
			return (this.issuerUnitCode == null) ? " from ledger_unit_month r"
					: " from (" + LedgerEntries.unitMonth(issuerWhere()) + ") r";
		}

		/**
		 * The unit-issuer roll-up, or for an issuer the same rows computed from its own
		 * entries.
		 */
		String unitIssuer() {
			return (this.issuerUnitCode == null) ? " from ledger_unit_issuer r"
					: " from (" + LedgerEntries.unitIssuer(issuerWhere()) + ") r";
		}

		private String issuerWhere() {
			return " where issuer_unit_code = :issuer"
					+ ((this.issuerDepartmentId == null) ? "" : " and issuer_department_id = :department");
		}

		String where() {
			return " where u.path like :scope"
					+ ((this.issuerUnitCode == null) ? "" : " and e.issuer_unit_code = :issuer")
					+ ((this.issuerDepartmentId == null) ? "" : " and e.issuer_department_id = :department");
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			spec = spec.param("scope", this.pathPattern);
			if (this.issuerUnitCode != null) {
				spec = spec.param("issuer", this.issuerUnitCode);
			}
			if (this.issuerDepartmentId != null) {
				spec = spec.param("department", this.issuerDepartmentId);
			}
			return spec;
		}

	}

	public Table table(String key, Filter filter, int year) {
		return switch (key) {
			case "townships" -> townships(filter, year);
			case "issuers" -> issuers(filter, year);
			case "kinds" -> kinds(filter, year);
			case "change", "report-issuers" -> change(key, filter, year);
			case "report-kinds" -> kindChange(filter, year);
			case "overruns" -> overruns(filter, year);
			case "cascades" -> cascades(filter, year);
			case "refusals" -> refusals(filter, year);
			default -> throw Problem.notFound("ledger-table", key);
		};
	}

	/** Estimated hours per township and month of the year, the most burdened first. */
	Table townships(Filter f, int year) {
		Map<String, String> names = new LinkedHashMap<>();
		Map<String, BigDecimal[]> months = new LinkedHashMap<>();
		f.bind(this.jdbc.sql("select u.code, u.name, r.period_month, sum(r.estimated_hours) h" + f.unitMonth() + JOIN
				+ " and r.period_year = :year and u.level = 4 group by u.code, u.name, r.period_month"))
			.param("year", year)
			.query((rs, i) -> {
				names.put(rs.getString(1), rs.getString(2));
				months.computeIfAbsent(rs.getString(1), k -> zeros(13))[rs.getInt(3)] = rs.getBigDecimal(4);
				return null;
			})
			.list();
		months.values().forEach(m -> m[0] = sum(m));
		List<List<Cell>> rows = new ArrayList<>();
		months.entrySet()
			.stream()
			.sorted((a, b) -> b.getValue()[0].compareTo(a.getValue()[0]))
			.limit(TOP)
			.forEach(e -> {
				List<Cell> row = new ArrayList<>();
				row.add(Cell.link(names.get(e.getKey()), "/ledger/demands?unit=" + e.getKey() + "&year=" + year));
				for (int m = 1; m <= 12; m++) {
					row.add(Cell.number(e.getValue()[m]));
				}
				row.add(Cell.number(e.getValue()[0]));
				rows.add(row);
			});
		List<String> headers = new ArrayList<>(List.of("ledger.col.township"));
		for (int m = 1; m <= 12; m++) {
			headers.add("ledger.month." + m);
		}
		headers.add("ledger.col.total");
		return new Table("townships", headers, rows, 13, "heatmap");
	}

	/** The issuers that cost the most hours. */
	Table issuers(Filter f, int year) {
		List<List<Cell>> rows = f
			.bind(this.jdbc.sql("select r.issuer_unit_code, r.issuer_department_id, sum(r.entries),"
					+ " sum(r.estimated_hours) h, sum(r.actual_hours)" + f.unitIssuer() + JOIN
					+ " and r.period_year = :year group by r.issuer_unit_code, r.issuer_department_id"
					+ " order by h desc limit " + TOP))
			.param("year", year)
			.query((rs, i) -> issuer(rs.getString(1), department(rs.getLong(2)), year,
					List.of(Cell.number(rs.getLong(3)), Cell.number(rs.getBigDecimal(4)),
							Cell.number(rs.getBigDecimal(5)))))
			.list();
		return new Table("issuers",
				List.of("ledger.col.issuer", "ledger.col.entries", "ledger.estimated", "ledger.actual"), rows, 2,
				"bar");
	}

	/** Hours by kind of demand. */
	Table kinds(Filter f, int year) {
		List<List<Cell>> rows = f
			.bind(this.jdbc.sql("select r.kind, sum(r.entries), sum(r.estimated_hours) h, sum(r.actual_hours)"
					+ f.unitMonth() + JOIN + " and r.period_year = :year group by r.kind order by h desc"))
			.param("year", year)
			.query((rs, i) -> List.of(Cell.key("demand.kind." + rs.getString(1).toLowerCase(java.util.Locale.ROOT)),
					Cell.number(rs.getLong(2)), Cell.number(rs.getBigDecimal(3)), Cell.number(rs.getBigDecimal(4))))
			.list();
		return new Table("kinds", List.of("ledger.kind", "ledger.col.entries", "ledger.estimated", "ledger.actual"),
				rows, 2, "bar");
	}

	/** Hours per issuer this year against last year (只减不增). */
	Table change(String key, Filter f, int year) {
		Map<String, BigDecimal[]> byIssuer = new LinkedHashMap<>();
		f.bind(this.jdbc.sql("select r.issuer_unit_code, r.issuer_department_id, r.period_year, sum(r.entries),"
				+ " sum(r.estimated_hours)" + f.unitIssuer() + JOIN + " and r.period_year in (:year, :last)"
				+ " group by r.issuer_unit_code, r.issuer_department_id, r.period_year"))
			.param("year", year)
			.param("last", year - 1)
			.query((rs, i) -> {
				BigDecimal[] v = byIssuer.computeIfAbsent(rs.getString(1) + "|" + rs.getLong(2), k -> zeros(4));
				int at = (rs.getInt(3) == year) ? 0 : 2;
				v[at] = BigDecimal.valueOf(rs.getLong(4));
				v[at + 1] = rs.getBigDecimal(5);
				return null;
			})
			.list();
		List<List<Cell>> rows = new ArrayList<>();
		byIssuer.entrySet().stream().sorted((a, b) -> b.getValue()[1].compareTo(a.getValue()[1])).forEach(e -> {
			String[] k = e.getKey().split("\\|");
			BigDecimal[] v = e.getValue();
			BigDecimal change = v[1].subtract(v[3]);
			rows.add(issuer(k[0], department(Long.parseLong(k[1])), year,
					List.of(Cell.number(v[0]), Cell.number(v[1]), Cell.number(v[2]), Cell.number(v[3]),
							Cell.number(change), Cell.key(change.signum() > 0 ? "ledger.change.up"
									: (change.signum() < 0 ? "ledger.change.down" : "ledger.change.same")))));
		});
		return new Table(key, List.of("ledger.col.issuer", "ledger.col.entries-this", "ledger.col.hours-this",
				"ledger.col.entries-last", "ledger.col.hours-last", "ledger.col.change", "ledger.col.only-decrease"),
				rows, 5, "bar");
	}

	/** Hours per kind this year against last year, for the yearly report. */
	Table kindChange(Filter f, int year) {
		Map<String, BigDecimal[]> byKind = new LinkedHashMap<>();
		f.bind(this.jdbc
			.sql("select r.kind, r.period_year, sum(r.entries), sum(r.estimated_hours)," + " sum(r.actual_hours)"
					+ f.unitMonth() + JOIN + " and r.period_year in (:year, :last) group by r.kind, r.period_year"))
			.param("year", year)
			.param("last", year - 1)
			.query((rs, i) -> {
				BigDecimal[] v = byKind.computeIfAbsent(rs.getString(1), k -> zeros(4));
				if (rs.getInt(2) == year) {
					v[0] = BigDecimal.valueOf(rs.getLong(3));
					v[1] = rs.getBigDecimal(4);
					v[2] = rs.getBigDecimal(5);
				}
				else {
					v[3] = rs.getBigDecimal(4);
				}
				return null;
			})
			.list();
		List<List<Cell>> rows = new ArrayList<>();
		byKind.forEach((kind,
				v) -> rows.add(List.of(Cell.key("demand.kind." + kind.toLowerCase(java.util.Locale.ROOT)),
						Cell.number(v[0]), Cell.number(v[1]), Cell.number(v[2]), Cell.number(v[3]),
						Cell.number(v[1].subtract(v[3])))));
		return new Table("report-kinds", List.of("ledger.kind", "ledger.col.entries-this", "ledger.col.hours-this",
				"ledger.actual", "ledger.col.hours-last", "ledger.col.change"), rows, 2, "bar");
	}

	/**
	 * Townships and villages whose estimated hours in a month exceed the budget in force
	 * for the viewer's jurisdiction.
	 */
	Table overruns(Filter f, int year) {
		RuleValues rules = this.rulebook
			.forUnit(this.entries.units(List.of(f.viewerUnitCode())).get(f.viewerUnitCode()));
		BigDecimal township = rules.decimal(BudgetCheck.TOWNSHIP);
		BigDecimal village = rules.decimal(BudgetCheck.VILLAGE);
		List<List<Cell>> rows = f
			.bind(this.jdbc.sql("select u.code, u.name, u.level, r.period_month, sum(r.estimated_hours) h"
					+ f.unitMonth() + JOIN + " and r.period_year = :year and u.level in (4, 5)"
					+ " group by u.code, u.name, u.level, r.period_month"
					+ " having sum(r.estimated_hours) > case when u.level = 4 then :township else :village end"
					+ " order by h desc limit 200"))
			.param("year", year)
			.param("township", township)
			.param("village", village)
			.query((rs, i) -> {
				BigDecimal budget = (rs.getInt(3) == 4) ? township : village;
				return List.of(Cell.link(rs.getString(2), "/ledger/demands?unit=" + rs.getString(1) + "&year=" + year),
						Cell.key("ledger.month." + rs.getInt(4)), Cell.number(rs.getBigDecimal(5)), Cell.number(budget),
						Cell.number(rs.getBigDecimal(5).subtract(budget)));
			})
			.list();
		return new Table("overruns", List.of("ledger.col.unit", "ledger.col.month", "ledger.estimated",
				"ledger.col.budget", "ledger.col.over"), rows, 4, "bar");
	}

	/**
	 * Demands that have children in the ledger, and how many units at each level these
	 * reach.
	 */
	Table cascades(Filter f, int year) {
		Map<Long, long[]> byParent = new LinkedHashMap<>();
		Map<Long, BigDecimal> hours = new LinkedHashMap<>();
		f.bind(this.jdbc
			.sql("select e.parent_demand_id, count(distinct e.demand_id), sum(e.estimated_hours)" + FROM + f.where()
					+ " and e.period_year = :year and e.parent_demand_id is not null" + " group by e.parent_demand_id"))
			.param("year", year)
			.query((rs, i) -> {
				byParent.computeIfAbsent(rs.getLong(1), k -> new long[6])[0] = rs.getLong(2);
				hours.put(rs.getLong(1), rs.getBigDecimal(3));
				return null;
			})
			.list();
		f.bind(this.jdbc.sql("select e.parent_demand_id, e.recipient_level, count(distinct e.recipient_unit_code)"
				+ FROM + f.where() + " and e.period_year = :year and e.parent_demand_id is not null"
				+ " and e.status <> 'REFUSED' group by e.parent_demand_id, e.recipient_level"))
			.param("year", year)
			.query((rs, i) -> byParent.computeIfAbsent(rs.getLong(1), k -> new long[6])[rs.getInt(2)] += rs.getLong(3))
			.list();
		List<List<Cell>> rows = new ArrayList<>();
		hours.entrySet().stream().sorted((a, b) -> b.getValue().compareTo(a.getValue())).limit(TOP).forEach(e -> {
			long[] v = byParent.get(e.getKey());
			String gate = this.jdbc.sql("select min(gate_number) from ledger_entry where demand_id = :d")
				.param("d", e.getKey())
				.query(String.class)
				.optional()
				.orElse(null);
			rows.add(List.of(Cell.text((gate != null) ? gate : "#" + e.getKey()), Cell.number(v[0]),
					Cell.number(v[1] + v[2] + v[3]), Cell.number(v[4]), Cell.number(v[5]), Cell.number(e.getValue())));
		});
		return new Table("cascades", List.of("ledger.col.parent", "ledger.col.children", "ledger.col.county-up",
				"ledger.col.townships", "ledger.col.villages", "ledger.estimated"), rows, 5, "bar");
	}

	/**
	 * The latest refusals, with the unit that refused and its reason, for the gatekeeper.
	 */
	Table refusals(Filter f, int year) {
		List<List<Cell>> rows = f
			.bind(this.jdbc.sql("select e.gate_number, e.title, u.name, e.refusal_reason, e.estimated_hours" + FROM
					+ f.where() + " and e.period_year = :year and e.status = 'REFUSED'"
					+ " order by e.updated_at desc limit 50"))
			.param("year", year)
			.query((rs, i) -> List.of(Cell.text(rs.getString(1)), Cell.text(rs.getString(2)),
					Cell.text(rs.getString(3)), Cell.text(rs.getString(4)), Cell.number(rs.getBigDecimal(5))))
			.list();
		return new Table("refusals", List.of("ledger.gate-number", "ledger.demand", "ledger.col.unit",
				"ledger.col.reason", "ledger.estimated"), rows, 4, "none");
	}

	/** Refusals and ungated reports in scope for the year. */
	public Map<String, Long> counts(Filter f, int year) {
		long refusals = f
			.bind(this.jdbc
				.sql("select coalesce(sum(r.refused), 0)" + f.unitMonth() + JOIN + " and r.period_year = :year"))
			.param("year", year)
			.query(Long.class)
			.single();
		long ungated = this.jdbc
			.sql("select count(*) from ungated_report r join unit u on u.code = r.unit_code where u.path like :scope"
					+ " and r.received_on >= :from and r.received_on < :to")
			.param("scope", f.pathPattern())
			.param("from", java.sql.Date.valueOf(java.time.LocalDate.of(year, 1, 1)))
			.param("to", java.sql.Date.valueOf(java.time.LocalDate.of(year + 1, 1, 1)))
			.query(Long.class)
			.single();
		return Map.of("refusals", refusals, "ungated", ungated);
	}

	/** Hours demanded of the units in scope and hours saved at data entry by pre-fill. */
	public record Hours(BigDecimal demanded, BigDecimal saved, long savedFields) {
	}

	/**
	 * Estimated hours of the year's demands beside the hours the units saved at data
	 * entry by confirming values Jianfu filled in (catalogue), within the viewer's scope,
	 * or only for one unit.
	 */
	public Hours hours(Filter f, int year, @Nullable String unit) {
		String one = (unit != null) ? " and u.code = :unit" : "";
		JdbcClient.StatementSpec demanded = f
			.bind(this.jdbc.sql("select coalesce(sum(r.estimated_hours), 0)" + f.unitMonth() + JOIN
					+ " and r.period_year = :year" + one.replace("u.code", "r.recipient_unit_code")))
			.param("year", year);
		String issuer = (f.issuerUnitCode == null) ? ""
				: " and exists (select 1 from ledger_entry e where e.demand_id = s.demand_id and e.issuer_unit_code ="
						+ " :issuer"
						+ ((f.issuerDepartmentId == null) ? "" : " and e.issuer_department_id = :department") + ")";
		JdbcClient.StatementSpec saved = f
			.bind(this.jdbc.sql("select coalesce(sum(s.hours), 0), coalesce(sum(s.fields), 0) from ledger_hours_saved s"
					+ " join unit u on u.code = s.unit_code where u.path like :scope and s.saved_at >= :from and"
					+ " s.saved_at < :to" + issuer + one))
			.param("from", java.sql.Timestamp.valueOf(java.time.LocalDate.of(year, 1, 1).atStartOfDay()))
			.param("to", java.sql.Timestamp.valueOf(java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay()));
		if (unit != null) {
			demanded = demanded.param("unit", unit);
			saved = saved.param("unit", unit);
		}
		BigDecimal hours = demanded.query(BigDecimal.class).single();
		return saved.query((rs, i) -> new Hours(hours, rs.getBigDecimal(1), rs.getLong(2))).single();
	}

	/**
	 * The demands behind a recipient unit's or an issuer's hours, largest first, each
	 * with the issuer's burden-consistency assessment score beside its estimated and
	 * actual hours.
	 */
	public Table demands(Filter f, int year, @Nullable String unit, @Nullable String issuer) {
		String extra = ((unit != null) ? " and e.recipient_unit_code = :unit" : "")
				+ ((issuer != null) ? " and e.issuer_unit_code = :issuerFilter" : "");
		JdbcClient.StatementSpec spec = f.bind(this.jdbc.sql(
				"select e.demand_id, min(e.gate_number), min(e.title), min(e.kind), count(*), sum(e.estimated_hours) h,"
						+ " sum(coalesce(e.actual_hours, 0)), sum(case when e.status = 'REFUSED' then 1 else 0 end),"
						+ " min(e.assessment_score)" + FROM + f.where() + " and e.period_year = :year" + extra
						+ " group by e.demand_id order by h desc limit 200"))
			.param("year", year);
		if (unit != null) {
			spec = spec.param("unit", unit);
		}
		if (issuer != null) {
			spec = spec.param("issuerFilter", issuer);
		}
		List<List<Cell>> rows = spec.query((rs, i) -> List.of(Cell.text(rs.getString(2)), Cell.text(rs.getString(3)),
				Cell.key("demand.kind." + rs.getString(4).toLowerCase(java.util.Locale.ROOT)),
				Cell.number(rs.getLong(5)), Cell.number(rs.getBigDecimal(6)), Cell.number(rs.getBigDecimal(7)),
				score(rs.getObject(9, Integer.class)), Cell.number(rs.getLong(8))))
			.list();
		return new Table("demands",
				List.of("ledger.gate-number", "ledger.demand", "ledger.kind", "ledger.col.recipients",
						"ledger.estimated", "ledger.actual", "ledger.col.assessment", "ledger.col.refusals"),
				rows, 4, "bar");
	}

	/**
	 * The burden-consistency assessment score as a cell, a dash for a demand issued
	 * without one (or before scores were kept in the ledger).
	 */
	private static Cell score(@Nullable Integer score) {
		return (score == null) ? Cell.text("—") : Cell.number(score);
	}

	/**
	 * Estimated and actual hours by month and kind for one unit in scope; empty when the
	 * unit lies outside the scope.
	 */
	public Optional<List<UnitMonth>> unit(Filter f, String code, int year) {
		boolean inScope = this.jdbc.sql("select count(*) from unit where code = :c and path like :scope")
			.param("c", code)
			.param("scope", f.pathPattern())
			.query(Long.class)
			.single() > 0;
		if (!inScope) {
			return Optional.empty();
		}
		return Optional.of(f
			.bind(this.jdbc.sql("select r.period_month, r.kind, r.entries, r.estimated_hours, r.actual_hours"
					+ f.unitMonth() + JOIN + " and r.recipient_unit_code = :code and r.period_year = :year"
					+ " order by r.period_month, r.kind"))
			.param("code", code)
			.param("year", year)
			.query((rs, i) -> new UnitMonth(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
					rs.getBigDecimal(5)))
			.list());
	}

	/** One unit's hours in one month for one kind. */
	public record UnitMonth(int month, String kind, long entries, BigDecimal estimatedHours, BigDecimal actualHours) {
	}

	/**
	 * A department's name under its unit's: department names repeat the level of their
	 * unit ("区民政局" of "铜梁区"), which is not written twice ("铜梁区民政局").
	 */
	static String qualified(String unitName, String departmentName) {
		boolean overlap = !unitName.isEmpty() && !departmentName.isEmpty()
				&& unitName.charAt(unitName.length() - 1) == departmentName.charAt(0);
		return unitName + (overlap ? departmentName.substring(1) : departmentName);
	}

	private List<Cell> issuer(String unitCode, @Nullable Long departmentId, int year, List<Cell> rest) {
		String name = this.jdbc.sql("select name from unit where code = :c")
			.param("c", unitCode)
			.query(String.class)
			.optional()
			.orElse(unitCode);
		if (departmentId != null) {
			String unitName = name;
			name = this.jdbc.sql("select name from department where id = :d")
				.param("d", departmentId)
				.query(String.class)
				.optional()
				.map(d -> qualified(unitName, d))
				.orElse(name);
		}
		List<Cell> row = new ArrayList<>();
		row.add(Cell.link(name, "/ledger/demands?issuer=" + unitCode + "&year=" + year));
		row.addAll(rest);
		return row;
	}

	private static @Nullable Long department(long key) {
		return (key == 0) ? null : key;
	}

	private static BigDecimal[] zeros(int n) {
		BigDecimal[] a = new BigDecimal[n];
		java.util.Arrays.fill(a, BigDecimal.ZERO);
		return a;
	}

	private static BigDecimal sum(BigDecimal[] months) {
		BigDecimal total = BigDecimal.ZERO;
		for (int m = 1; m < months.length; m++) {
			total = total.add(months[m]);
		}
		return total;
	}

}
