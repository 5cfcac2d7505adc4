package cn.jianfu.inspections.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The annual inspection plans (年度督检考计划): issuers add items for their unit and department,
 * everyone reads the items of the units in their scope. A department may plan no more
 * comprehensive items a year than the rulebook allows.
 */
@Component
public class InspectionPlan {

	static final String COMPREHENSIVE_RULE = "inspection.comprehensive.max-per-year";

	private static final String SELECT = "select id, plan_year, unit_code, department_id, issuer_name, title,"
			+ " inspection_type, comprehensive, fields, months, on_site, materials from inspection_item";

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	private final Rulebook rulebook;

	private final AuditLog audit;

	private final Clock clock;

	InspectionPlan(JdbcClient jdbc, OrgChart orgChart, Rulebook rulebook, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.orgChart = orgChart;
		this.rulebook = rulebook;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an issuer sends to add an item; the issuer comes from the session. */
	public record NewItem(int year, String title, InspectionType type, boolean comprehensive, Set<String> fields,
			Set<Integer> months, boolean onSite, Set<Material> materials, List<String> targets) {
	}

	@Transactional
	public PlanItem add(Viewer viewer, NewItem item) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "inspections.not-issuer");
		}
		validate(viewer.scope(), item);
		Unit unit = this.orgChart.require(viewer.scope(), viewer.unitCode());
		if (item.comprehensive()) {
			int max = this.rulebook.forUnit(unit).integer(COMPREHENSIVE_RULE);
			long planned = comprehensiveItems(viewer.unitCode(), viewer.departmentId(), item.year(), null);
			if (planned >= max) {
				throw Problem.conflict("inspections.comprehensive-limit", item.year(), planned, max);
			}
		}
		String issuer = viewer.departmentName() == null ? unit.name() : unit.name() + " " + viewer.departmentName();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into inspection_item (plan_year, unit_code, unit_path, department_id,"
				+ " issuer_name, title, inspection_type, comprehensive, fields, months, on_site, materials, created_by,"
				+ " created_at) values (:year, :unit, :path, :department, :issuer, :title, :type, :comprehensive,"
				+ " :fields, :months, :onSite, :materials, :by, :now)")
			.param("year", item.year())
			.param("unit", unit.code())
			.param("path", unit.path())
			.param("department", viewer.departmentId())
			.param("issuer", issuer)
			.param("title", item.title().strip())
			.param("type", item.type().name())
			.param("comprehensive", item.comprehensive())
			.param("fields", String.join(",", new TreeSet<>(Similarity.normalised(item.fields()))))
			.param("months", joinMonths(item.months()))
			.param("onSite", item.onSite())
			.param("materials", Material.join(item.materials()))
			.param("by", viewer.username())
			.param("now", Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (String target : new LinkedHashSet<>(item.targets())) {
			this.jdbc
				.sql("insert into inspection_item_target (item_id, unit_code, township_code) values (:id, :unit,"
						+ " :township)")
				.param("id", id)
				.param("unit", target)
				.param("township", Similarity.township(target))
				.update();
		}
		this.audit.record(new AuditEvent(viewer.username(), "inspections.item-added", AuditResult.SUCCESS,
				"inspection-item:" + id, item.year() + " " + item.title()));
		return find(id).orElseThrow();
	}

	private void validate(Scope scope, NewItem item) {
		if (item.year() < 2000 || item.year() > 2100) {
			throw Problem.badRequest("inspections.year", item.year());
		}
		if (item.title() == null || item.title().isBlank() || item.title().length() > 200) {
			throw Problem.badRequest("inspections.title");
		}
		if (item.months().isEmpty() || item.months().stream().anyMatch(m -> m == null || m < 1 || m > 12)) {
			throw Problem.badRequest("inspections.months");
		}
		if (item.fields().isEmpty() || String.join(",", item.fields()).length() > 400) {
			throw Problem.badRequest("inspections.fields");
		}
		if (item.targets().isEmpty() || item.targets().size() > 500) {
			throw Problem.badRequest("inspections.targets");
		}
		for (String target : item.targets()) {
			if (target == null || !cn.jianfu.org.UnitLevel.isCode(target)
					|| this.orgChart.unit(scope, target).isEmpty()) {
				throw Problem.badRequest("inspections.target-out-of-scope", String.valueOf(target));
			}
		}
	}

	public Optional<PlanItem> find(long id) {
		List<PlanItem> items = load(this.jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).list());
		return items.stream().findFirst();
	}

	/** An item the viewer may read: its unit lies in the viewer's scope. */
	public Optional<PlanItem> find(Viewer viewer, long id) {
		return find(id).filter(item -> this.orgChart.unit(viewer.scope(), item.unitCode()).isPresent());
	}

	/** The items of the year whose issuing units lie in the scope, by id. */
	public List<PlanItem> items(Scope scope, int year) {
		return load(this.jdbc.sql(SELECT + " where plan_year = :year and unit_path like :pattern order by id")
			.param("year", year)
			.param("pattern", scope.pathPattern())
			.query(this::row)
			.list());
	}

	/** The items of the year that visit any of these townships, whoever runs them. */
	public List<PlanItem> touching(int year, Collection<String> townships) {
		if (townships.isEmpty()) {
			return List.of();
		}
		return load(this.jdbc
			.sql(SELECT + " where plan_year = :year and id in (select item_id from inspection_item_target where"
					+ " township_code in (:townships)) order by id")
			.param("year", year)
			.param("townships", List.copyOf(townships))
			.query(this::row)
			.list());
	}

	/** The items of one issuer (unit and department) in a year. */
	public List<PlanItem> ofIssuer(String unitCode, @Nullable Long departmentId, int year) {
		return load(this.jdbc
			.sql(SELECT + " where plan_year = :year and unit_code = :unit and "
					+ (departmentId == null ? "department_id is null" : "department_id = :department") + " order by id")
			.param("year", year)
			.param("unit", unitCode)
			.params(departmentId == null ? Map.of() : Map.of("department", departmentId))
			.query(this::row)
			.list());
	}

	/**
	 * Comprehensive items the issuer planned in the year, besides the given one, plus its
	 * comprehensive inspection demands outside the plan.
	 */
	public long comprehensiveItems(String unitCode, @Nullable Long departmentId, int year, @Nullable Long exceptItem) {
		return ofIssuer(unitCode, departmentId, year).stream()
			.filter(PlanItem::comprehensive)
			.filter(i -> exceptItem == null || i.id() != exceptItem)
			.count();
	}

	/** How many items the units in scope planned for the year. */
	public long count(Scope scope, int year) {
		return this.jdbc.sql("select count(*) from inspection_item where plan_year = :year and unit_path like :pattern")
			.param("year", year)
			.param("pattern", scope.pathPattern())
			.query(Long.class)
			.single();
	}

	private record Row(long id, int year, String unit, @Nullable Long department, String issuer, String title,
			InspectionType type, boolean comprehensive, String fields, String months, boolean onSite,
			String materials) {
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		long department = rs.getLong("department_id");
		return new Row(rs.getLong("id"), rs.getInt("plan_year"), rs.getString("unit_code"),
				rs.wasNull() ? null : department, rs.getString("issuer_name"), rs.getString("title"),
				InspectionType.valueOf(rs.getString("inspection_type")), rs.getBoolean("comprehensive"),
				rs.getString("fields"), rs.getString("months"), rs.getBoolean("on_site"), rs.getString("materials"));
	}

	private List<PlanItem> load(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> targets = new LinkedHashMap<>();
		rows.forEach(r -> targets.put(r.id(), new ArrayList<>()));
		this.jdbc
			.sql("select item_id, unit_code from inspection_item_target where item_id in (:ids) order by unit_code")
			.param("ids", List.copyOf(targets.keySet()))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(e -> targets.get(e.getKey()).add(e.getValue()));
		return rows.stream()
			.map(r -> new PlanItem(r.id(), r.year(), r.unit(), r.department(), r.issuer(), r.title(), r.type(),
					r.comprehensive(), splitFields(r.fields()), parseMonths(r.months()), r.onSite(),
					Material.parse(r.materials()), targets.get(r.id())))
			.toList();
	}

	public static Set<String> splitFields(String text) {
		Set<String> fields = new TreeSet<>();
		for (String part : text.split("[,，、;；\\s]+")) {
			if (!part.isBlank()) {
				fields.add(part.strip());
			}
		}
		return fields;
	}

	/** Months from a list like {@code 3,4}; anything not a month 1–12 is refused. */
	public static Set<Integer> parseMonths(String text) {
		Set<Integer> months = new TreeSet<>();
		for (String part : text.split("[,，、;；\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				months.add(Integer.parseInt(part.strip()));
			}
			catch (NumberFormatException ex) {
				throw Problem.badRequest("inspections.months");
			}
		}
		return months;
	}

	static String joinMonths(Collection<Integer> months) {
		return String.join(",", new TreeSet<>(months).stream().map(String::valueOf).toList());
	}

}
