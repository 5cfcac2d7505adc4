package cn.jianfu.apps.internal;

import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandIntake;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The registry of apps, mini-programs and work groups that grassroots staff must use
 * (政务应用 登记): a registration is an APP demand at the gate, drafted here with its details,
 * and a record of its own keyed by the demand id whose status follows the gate's events.
 */
@Component
public class AppRegistry {

	static final String REVIEW_RULE = "app.review.months";

	private final DemandIntake intake;

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	private final Rulebook rulebook;

	private final Clock clock;

	AppRegistry(DemandIntake intake, JdbcClient jdbc, OrgChart orgChart, Rulebook rulebook, Clock clock) {
		this.intake = intake;
		this.jdbc = jdbc;
		this.orgChart = orgChart;
		this.rulebook = rulebook;
		this.clock = clock;
	}

	/** What the sponsor registers; the sponsor is the signed-in issuer's unit. */
	public record Registration(String name, AppForm form, @Nullable String registrationNumber, Set<AppFeature> features,
			Set<String> functions, int usersPerUnit, int minutesPerDay, @Nullable String complaintUrl,
			List<String> targets, @Nullable LocalDate launchOn, @Nullable String description) {
	}

	/** A registered app as the registry lists it. */
	public record App(long demandId, String name, AppForm form, String sponsorUnitCode, String sponsorName,
			@Nullable String registrationNumber, Set<AppFeature> features, Set<String> functions, int usersPerUnit,
			int minutesPerDay, @Nullable String complaintUrl, LocalDate reviewOn, String status, List<String> targets) {

		public boolean forbidden() {
			return this.features.stream().anyMatch(AppFeature::forbidden);
		}

	}

	@Transactional
	public long register(Viewer viewer, Registration r) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "apps.not-issuer");
		}
		if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
			throw Problem.badRequest("apps.name");
		}
		if (r.usersPerUnit() < 0 || r.usersPerUnit() > 10_000 || r.minutesPerDay() < 0 || r.minutesPerDay() > 480) {
			throw Problem.badRequest("apps.numbers");
		}
		if (r.targets().isEmpty() || r.targets().size() > 500) {
			throw Problem.badRequest("apps.targets");
		}
		for (String target : r.targets()) {
			if (target == null || !UnitLevel.isCode(target) || this.orgChart.unit(viewer.scope(), target).isEmpty()) {
				throw Problem.badRequest("apps.target-out-of-scope", String.valueOf(target));
			}
		}
		String complaint = r.complaintUrl() == null || r.complaintUrl().isBlank() ? null : r.complaintUrl().strip();
		if (complaint != null && !link(complaint)) {
			throw Problem.badRequest("apps.complaint-url", complaint);
		}
		if (r.registrationNumber() != null && r.registrationNumber().length() > 100) {
			throw Problem.badRequest("apps.registration-number");
		}
		Unit sponsor = this.orgChart.require(viewer.scope(), viewer.unitCode());
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneId.of("Asia/Shanghai")));
		LocalDate review = today.plusMonths(this.rulebook.forUnit(sponsor).integer(REVIEW_RULE));
		AppDetails details = new AppDetails(r.name().strip(), r.form(), r.features(), r.functions(), r.usersPerUnit(),
				r.minutesPerDay(), complaint, blank(r.registrationNumber()) ? null : r.registrationNumber().strip());
		String body = blank(r.description()) ? r.name().strip() : r.description();
		String field = r.functions().isEmpty() ? null : r.functions().iterator().next();
		DemandDraft draft = new DemandDraft(DemandKind.APP, "政务应用登记：" + r.name().strip(), body, field, null,
				List.copyOf(new LinkedHashSet<>(r.targets())), null, null, r.launchOn(), null, review, null, false,
				false, false, false, null, details.toDetails());
		long id = this.intake.draft(viewer, draft);
		String sponsorName = viewer.departmentName() == null ? sponsor.name()
				: sponsor.name() + " " + viewer.departmentName();
		this.jdbc.sql("insert into app_registration (demand_id, name, app_form, sponsor_unit_code, sponsor_unit_path,"
				+ " sponsor_name, registration_number, features, functions, users_per_unit, minutes_per_day,"
				+ " complaint_url, review_on, status, created_by, created_at) values (:id, :name, :form, :unit, :path,"
				+ " :sponsor, :number, :features, :functions, :users, :minutes, :complaint, :review, 'DRAFT', :by,"
				+ " :now)")
			.param("id", id)
			.param("name", details.name())
			.param("form", r.form().name())
			.param("unit", sponsor.code())
			.param("path", sponsor.path())
			.param("sponsor", sponsorName)
			.param("number", details.registrationNumber())
			.param("features", AppFeature.join(r.features()))
			.param("functions", String.join(",", details.functions()))
			.param("users", r.usersPerUnit())
			.param("minutes", r.minutesPerDay())
			.param("complaint", complaint)
			.param("review", Date.valueOf(review))
			.param("by", viewer.username())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		for (String target : new LinkedHashSet<>(r.targets())) {
			this.jdbc.sql("insert into app_target (demand_id, unit_code, township_code) values (:id, :unit, :township)")
				.param("id", id)
				.param("unit", target)
				.param("township", township(target))
				.update();
		}
		return id;
	}

	static boolean link(String text) {
		try {
			URI uri = URI.create(text);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	static String township(String code) {
		if (UnitLevel.isCode(code) && UnitLevel.ofCode(code).number() >= UnitLevel.TOWNSHIP.number()) {
			return UnitLevel.TOWNSHIP.truncate(code);
		}
		return code;
	}

	/** The townships (and higher units as they are) of these codes. */
	static Set<String> townships(Collection<String> codes) {
		Set<String> set = new java.util.TreeSet<>();
		codes.forEach(c -> set.add(township(c)));
		return set;
	}

	void status(long demandId, String status) {
		this.jdbc.sql("update app_registration set status = :status where demand_id = :id")
			.param("status", status)
			.param("id", demandId)
			.update();
	}

	private static final String SELECT = "select demand_id, name, app_form, sponsor_unit_code, sponsor_name,"
			+ " registration_number, features, functions, users_per_unit, minutes_per_day, complaint_url, review_on,"
			+ " status from app_registration";

	/**
	 * The apps the viewer may see: those sponsored in scope, and those its units must
	 * use.
	 */
	public List<App> list(Scope scope) {
		String prefix = prefix(scope.unitCode()) + "%";
		return load(this.jdbc
			.sql(SELECT + " where sponsor_unit_path like :pattern or demand_id in (select demand_id from app_target"
					+ " where unit_code like :prefix) order by demand_id")
			.param("pattern", scope.pathPattern())
			.param("prefix", prefix)
			.query(this::row)
			.list());
	}

	/**
	 * Registered apps (not this demand, not withdrawn or rejected) that reach these
	 * townships.
	 */
	public List<App> reaching(Collection<String> townships, long exceptDemand) {
		if (townships.isEmpty()) {
			return List.of();
		}
		return load(this.jdbc
			.sql(SELECT + " where demand_id <> :except and status not in ('WITHDRAWN', 'REJECTED', 'EXPIRED',"
					+ " 'CLOSED') and demand_id in (select demand_id from app_target where township_code in"
					+ " (:townships)) order by demand_id")
			.param("except", exceptDemand)
			.param("townships", List.copyOf(townships))
			.query(this::row)
			.list());
	}

	private App row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new App(rs.getLong("demand_id"), rs.getString("name"), AppForm.valueOf(rs.getString("app_form")),
				rs.getString("sponsor_unit_code"), rs.getString("sponsor_name"), rs.getString("registration_number"),
				AppFeature.parse(rs.getString("features")), AppDetails.functions(rs.getString("functions")),
				rs.getInt("users_per_unit"), rs.getInt("minutes_per_day"), rs.getString("complaint_url"),
				rs.getDate("review_on").toLocalDate(), rs.getString("status"), List.of());
	}

	private List<App> load(List<App> apps) {
		if (apps.isEmpty()) {
			return apps;
		}
		Map<Long, List<String>> targets = new LinkedHashMap<>();
		apps.forEach(a -> targets.put(a.demandId(), new ArrayList<>()));
		this.jdbc.sql("select demand_id, unit_code from app_target where demand_id in (:ids) order by unit_code")
			.param("ids", List.copyOf(targets.keySet()))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(e -> targets.get(e.getKey()).add(e.getValue()));
		return apps.stream()
			.map(a -> new App(a.demandId(), a.name(), a.form(), a.sponsorUnitCode(), a.sponsorName(),
					a.registrationNumber(), a.features(), a.functions(), a.usersPerUnit(), a.minutesPerDay(),
					a.complaintUrl(), a.reviewOn(), a.status(), targets.get(a.demandId())))
			.toList();
	}

	/** The leading digits every unit under this code shares. */
	static String prefix(String code) {
		int[] digits = { 2, 4, 6, 9, 12 };
		return code.substring(0, digits[UnitLevel.ofCode(code).number() - 1]);
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
