package cn.jianfu.catalogue.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jianfu.catalogue.internal.Indicator.Aggregation;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * Roll-up of a form's submitted values village → township → county with completeness
 * (expected, submitted, on time), its exports (CSV, DHIS2 {@code dataValueSets}) and the
 * departments' pull of values within their scope.
 */
@Component
public class Rollup {

	/** How many recipients the roll-up page lists in one table before it drills down. */
	public static final int ONE_TABLE_MAX_RECIPIENTS = 20;

	private final JdbcClient jdbc;

	private final Forms forms;

	private final Indicators indicators;

	private final OrgChart orgChart;

	Rollup(JdbcClient jdbc, Forms forms, Indicators indicators, OrgChart orgChart) {
		this.orgChart = orgChart;
		this.jdbc = jdbc;
		this.forms = forms;
		this.indicators = indicators;
	}

	/** An indicator column of the roll-up. */
	public record Column(String code, String label, Aggregation aggregation) {
	}

	/**
	 * One unit of the roll-up: a recipient or one of its ancestors. {@code parent} is the
	 * nearest ancestor in the roll-up (null for the top); {@code drill} says whether the
	 * viewer may open it ({@code ?unit=}): it has units below it and lies in the viewer's
	 * scope.
	 */
	public record Node(String code, String name, int level, @Nullable String parent, boolean leaf, boolean drill,
			int expected, int submitted, int onTime, Map<String, String> values) {

		public double completeness() {
			return this.expected == 0 ? 0 : (double) this.submitted / this.expected;
		}

	}

	/**
	 * A roll-up as viewed: without a unit every node, top level first (city or county →
	 * township → village); with a unit that unit first, then the units directly below it.
	 * {@code trail} leads from the top down to the unit, for breadcrumbs.
	 */
	public record Report(long demandId, String title, String period, PeriodType periodType, List<Column> columns,
			List<Node> nodes, @Nullable String unit, List<Crumb> trail) {
	}

	/** A step of the drill-down trail; {@code open} when the viewer may go there. */
	public record Crumb(String code, String name, boolean open) {
	}

	/** One stored value as pulled or exported. */
	public record Value(String indicator, String unitCode, String unitName, String period, String value,
			String storedBy, Timestamp lastUpdated) {
	}

	/**
	 * The roll-up for the form's issuer, gatekeepers, supervisors and administrators,
	 * drilled down to one unit of it: the unit and the units directly below it; without a
	 * unit, every node. A unit that is not in this form's roll-up, or lies outside the
	 * viewer's scope, is not found (as everywhere, never "forbidden", so codes cannot be
	 * probed).
	 */
	public Report report(Viewer viewer, long demandId, @Nullable String unit) {
		if (unit != null && !UnitLevel.isCode(unit)) {
			throw Problem.badRequest("catalogue.rollup.unit", unit);
		}
		Built all = build(viewer, demandId);
		return unit == null ? all.report() : narrow(all, unit, viewer);
	}

	/**
	 * The roll-up as the page first shows it: every level in one table while the form has
	 * at most {@link #ONE_TABLE_MAX_RECIPIENTS} recipients; beyond that, drilled down to
	 * the top unit (county → its townships with their completeness), when there is one
	 * top unit and the viewer may open it.
	 */
	public Report overview(Viewer viewer, long demandId) {
		Built all = build(viewer, demandId);
		List<Node> nodes = all.report().nodes();
		List<Node> tops = nodes.stream().filter(n -> n.parent() == null).toList();
		if (nodes.stream().filter(Node::leaf).count() <= ONE_TABLE_MAX_RECIPIENTS || tops.size() != 1
				|| !tops.get(0).drill()) {
			return all.report();
		}
		return narrow(all, tops.get(0).code(), viewer);
	}

	/**
	 * Every node of a form's roll-up, with the name and path of each unit that exists.
	 */
	private record Built(Report report, Map<String, String[]> units) {
	}

	private Built build(Viewer viewer, long demandId) {
		Forms.Form form = this.forms.find(demandId).orElseThrow(() -> Problem.notFound("catalogue.form", demandId));
		boolean overseer = (viewer.has(Role.ADMIN) || viewer.has(Role.GATEKEEPER) || viewer.has(Role.SUPERVISOR))
				&& this.orgChart.unit(viewer.scope(), form.issuerUnit()).isPresent();
		boolean allowed = overseer || (viewer.has(Role.ISSUER) && viewer.unitCode().equals(form.issuerUnit()));
		if (!allowed || !form.status().equals("ISSUED")) {
			throw Problem.notFound("catalogue.form", demandId);
		}
		List<Column> columns = new ArrayList<>();
		for (Forms.Field field : form.fields()) {
			if (field.indicatorCode() != null && !field.drawn()) {
				this.indicators.find(field.indicatorCode())
					.ifPresent(i -> columns.add(new Column(i.code(), field.label(), i.aggregation())));
			}
		}
		List<Object[]> recipients = this.jdbc.sql(
				"select r.unit_code, s.status, s.submitted_at from catalogue_form_recipient r left join catalogue_sheet s"
						+ " on s.demand_id = r.demand_id and s.unit_code = r.unit_code where r.demand_id = :id"
						+ " order by r.unit_code")
			.param("id", demandId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getTimestamp(3) })
			.list();
		Timestamp due = Timestamp.valueOf(form.deadline().plusDays(1).atStartOfDay());
		// the roll-up reaches the county, or the issuer's own level when it is higher (a
		// city's form rolls up to the city) and that level exists in the org tree
		int top = Math.min(UnitLevel.COUNTY.number(), UnitLevel.ofCode(form.issuerUnit()).number());
		Map<String, List<BigDecimal>> sums = new HashMap<>();
		Map<String, int[]> counts = new TreeMap<>();
		Map<String, Integer> levels = new HashMap<>();
		// the recipients' values of the period, read at once (used for those that
		// submitted)
		Map<String, String> leafText = new HashMap<>();
		if (!columns.isEmpty()) {
			this.jdbc
				.sql("select v.unit_code, v.indicator_code, v.value_text from catalogue_value v join"
						+ " catalogue_form_recipient r on r.unit_code = v.unit_code and r.demand_id = :id where"
						+ " v.indicator_code in (:codes) and v.period = :period")
				.param("id", demandId)
				.param("codes", columns.stream().map(Column::code).toList())
				.param("period", form.period())
				.query((rs, n) -> leafText.put(rs.getString(1) + "|" + rs.getString(2), rs.getString(3)))
				.list();
		}
		for (Object[] recipient : recipients) {
			String recipientUnit = (String) recipient[0];
			boolean submitted = "SUBMITTED".equals(recipient[1]);
			boolean onTime = submitted && recipient[2] != null && ((Timestamp) recipient[2]).before(due);
			UnitLevel level = UnitLevel.ofCode(recipientUnit);
			List<String> chain = new ArrayList<>();
			chain.add(recipientUnit);
			levels.put(recipientUnit, level.number());
			for (int l = level.number() - 1; l >= top; l--) {
				String ancestor = UnitLevel.of(l).truncate(recipientUnit);
				chain.add(ancestor);
				levels.put(ancestor, l);
			}
			for (String node : chain) {
				int[] c = counts.computeIfAbsent(node, k -> new int[3]);
				c[0]++;
				c[1] += submitted ? 1 : 0;
				c[2] += onTime ? 1 : 0;
			}
			if (!submitted) {
				continue;
			}
			for (Column column : columns) {
				String value = leafText.get(recipientUnit + "|" + column.code());
				if (value == null) {
					continue;
				}
				BigDecimal number = number(value);
				if (number != null) {
					for (String node : chain) {
						sums.computeIfAbsent(node + "|" + column.code(), k -> new ArrayList<>()).add(number);
					}
				}
			}
		}
		Map<String, String[]> units = units(counts.keySet());
		// an ancestor level the org tree does not have (no city between province and
		// county) is left out
		counts.keySet().removeIf(code -> levels.get(code) < UnitLevel.COUNTY.number() && !units.containsKey(code));
		List<Node> nodes = new ArrayList<>();
		for (Map.Entry<String, int[]> e : counts.entrySet()) {
			String code = e.getKey();
			int level = levels.get(code);
			boolean leaf = level == form.recipientLevel();
			Map<String, String> values = new LinkedHashMap<>();
			for (Column column : columns) {
				String key = code + "|" + column.code();
				if (leaf) {
					values.put(column.code(), leafText.getOrDefault(key, ""));
				}
				else {
					values.put(column.code(), aggregate(column.aggregation(), sums.get(key)));
				}
			}
			String parent = null;
			for (int l = level - 1; l >= top && parent == null; l--) {
				String ancestor = UnitLevel.of(l).truncate(code);
				parent = counts.containsKey(ancestor) ? ancestor : null;
			}
			String[] known = units.get(code);
			boolean inScope = known != null && viewer.scope().includes(known[1]);
			nodes.add(new Node(code, known == null ? code : known[0], level, parent, leaf, !leaf && inScope,
					e.getValue()[0], e.getValue()[1], e.getValue()[2], values));
		}
		nodes.sort((a, b) -> a.level() != b.level() ? Integer.compare(a.level(), b.level())
				: a.code().compareTo(b.code()));
		return new Built(
				new Report(demandId, form.title(), form.period(), form.periodType(), columns, nodes, null, List.of()),
				units);
	}

	/** The roll-up narrowed to a unit, the units directly below it and the trail up. */
	private Report narrow(Built all, String unit, Viewer viewer) {
		Report report = all.report();
		Map<String, Node> byCode = new HashMap<>();
		report.nodes().forEach(n -> byCode.put(n.code(), n));
		Node focus = byCode.get(unit);
		String[] known = all.units().get(unit);
		if (focus == null || known == null || !viewer.scope().includes(known[1])) {
			throw Problem.notFound("catalogue.rollup.unit", unit);
		}
		List<Node> shown = new ArrayList<>();
		shown.add(focus);
		report.nodes().stream().filter(n -> unit.equals(n.parent())).forEach(shown::add);
		List<Crumb> trail = new ArrayList<>();
		for (Node n = focus; n != null; n = n.parent() == null ? null : byCode.get(n.parent())) {
			String[] u = all.units().get(n.code());
			trail.add(0, new Crumb(n.code(), n.name(), u != null && viewer.scope().includes(u[1])));
		}
		return new Report(report.demandId(), report.title(), report.period(), report.periodType(), report.columns(),
				shown, unit, List.copyOf(trail));
	}

	static String aggregate(Aggregation aggregation, @Nullable List<BigDecimal> numbers) {
		if (numbers == null || numbers.isEmpty() || aggregation == Aggregation.NONE) {
			return "";
		}
		BigDecimal sum = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return aggregation == Aggregation.AVERAGE ? mean(sum, numbers.size())
				: sum.stripTrailingZeros().toPlainString();
	}

	/**
	 * The sum and count of the values that are numbers; text values (of a mis-typed
	 * indicator) are left out.
	 */
	record Tally(BigDecimal total, int count) {

		static Tally of(List<String> values) {
			BigDecimal total = BigDecimal.ZERO;
			int count = 0;
			for (String value : values) {
				BigDecimal number = number(value);
				if (number != null) {
					total = total.add(number);
					count++;
				}
			}
			return new Tally(total, count);
		}

	}

	/**
	 * A mean of {@code count} values to two decimals, as the roll-up and summary show it.
	 */
	static String mean(BigDecimal sum, int count) {
		return sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	static @Nullable BigDecimal number(String value) {
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Name and path of each unit that exists, by code. */
	private Map<String, String[]> units(java.util.Collection<String> codes) {
		Map<String, String[]> units = new HashMap<>();
		if (codes.isEmpty()) {
			return units;
		}
		this.jdbc.sql("select code, name, path from unit where code in (:codes)")
			.param("codes", List.copyOf(codes))
			.query((rs, n) -> units.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3) }))
			.list();
		return units;
	}

	/** The roll-up as CSV (UTF-8 with BOM): one row per unit. */
	public byte[] csv(Report report) {
		StringBuilder out = new StringBuilder("\uFEFF单位代码,单位,层级,应报,已报,按时");
		report.columns().forEach(c -> out.append(',').append(cell(c.label() + " [" + c.code() + "]")));
		out.append("\r\n");
		for (Node node : report.nodes()) {
			out.append(node.code())
				.append(',')
				.append(cell(node.name()))
				.append(',')
				.append(node.level())
				.append(',')
				.append(node.expected())
				.append(',')
				.append(node.submitted())
				.append(',')
				.append(node.onTime());
			report.columns().forEach(c -> out.append(',').append(cell(node.values().getOrDefault(c.code(), ""))));
			out.append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Whether a spreadsheet could take the text for a formula (= + - @ first). */
	static boolean startsLikeFormula(String text) {
		return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
	}

	static String cell(String text) {
		String safe = startsLikeFormula(text) && number(text) == null ? "'" + text : text;
		return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
				? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

	/**
	 * The submitted values of the form's recipients as DHIS2 {@code dataValueSets}
	 * (dataElement = indicator code, orgUnit = unit code, period in DHIS2's format); with
	 * a unit of the roll-up, only the recipients under it.
	 */
	public Map<String, Object> dataValueSet(Viewer viewer, long demandId, @Nullable String unit) {
		Report report = report(viewer, demandId, unit);
		List<String> codes = report.columns().stream().map(Column::code).toList();
		List<Map<String, String>> values = new ArrayList<>();
		for (Value v : submitted(codes, report.period(), unit, "/", demandId)) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("dataElement", v.indicator());
			row.put("period", dhis2Period(v.period()));
			row.put("orgUnit", v.unitCode());
			row.put("value", v.value());
			row.put("storedBy", v.storedBy());
			row.put("lastUpdated", v.lastUpdated().toLocalDateTime().toString());
			values.add(row);
		}
		return Map.of("dataValues", values);
	}

	static String dhis2Period(String period) {
		return period.matches("\\d{4}-\\d{2}") ? period.replace("-", "") : period;
	}

	/**
	 * The submitted values of an indicator and period for the units in the viewer's
	 * scope, optionally only those under a unit: what a department pulls instead of
	 * asking again.
	 */
	public List<Value> pull(Viewer viewer, String indicator, String period, @Nullable String under) {
		if (under != null && !UnitLevel.isCode(under)) {
			throw Problem.badRequest("catalogue.values.under", under);
		}
		return submitted(List.of(indicator), period, under, viewer.scope().pathPattern(), null);
	}

	private List<Value> submitted(List<String> codes, String period, @Nullable String under, String pathPattern,
			@Nullable Long demandId) {
		if (codes.isEmpty()) {
			return List.of();
		}
		String pattern = pathPattern.equals("/") ? "/%" : pathPattern;
		return this.jdbc.sql("select v.indicator_code, v.unit_code, u.name, v.period, v.value_text, v.updated_by,"
				+ " v.updated_at from catalogue_value v join unit u on u.code = v.unit_code where v.indicator_code in"
				+ " (:codes) and v.period = :period and u.path like :pattern and u.path like :under and exists (select 1"
				+ " from catalogue_sheet s where s.demand_id = v.demand_id and s.unit_code = v.unit_code and s.status ="
				+ " 'SUBMITTED') and (:demand < 0 or v.unit_code in (select r.unit_code from catalogue_form_recipient r"
				+ " where r.demand_id = :demand))" + " order by v.indicator_code, v.unit_code")
			.param("codes", codes)
			.param("period", period)
			.param("pattern", pattern)
			.param("under", under == null ? "%" : "%/" + under + "/%")
			.param("demand", demandId == null ? -1L : demandId)
			.query((rs, n) -> new Value(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7)))
			.list();
	}

}
