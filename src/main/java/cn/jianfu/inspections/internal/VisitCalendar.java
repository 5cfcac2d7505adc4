package cn.jianfu.inspections.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;
import cn.jianfu.platform.WorkingCalendar;

/**
 * The settled on-site visits per township (乡镇检查日历): the gatekeeper accepts the
 * scheduler's proposal or changes a date within the monthly cap; everyone sees the visits
 * to the townships in their scope, month by month, with months over the cap and clusters
 * (扎堆) flagged.
 */
@Component
public class VisitCalendar {

	static final String CAP = "inspection.onsite.monthly-cap";

	static final String WINDOW = "inspection.cluster.window-days";

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	private final Rulebook rulebook;

	private final InspectionPlan plan;

	private final WorkingCalendar calendar;

	private final AuditLog audit;

	private final Clock clock;

	VisitCalendar(JdbcClient jdbc, OrgChart orgChart, Rulebook rulebook, InspectionPlan plan, WorkingCalendar calendar,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.orgChart = orgChart;
		this.rulebook = rulebook;
		this.plan = plan;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	/** A settled visit. */
	public record Stored(long id, List<Long> itemIds, String township, LocalDate on, @Nullable Long demandId) {
	}

	/** One township's visits in one month, flagged when over the cap or clustered. */
	public record Cell(int month, int visits, boolean overCap, boolean cluster) {
	}

	/** A township's row of the calendar. */
	public record Row(String township, String name, List<Cell> months, List<Stored> visits) {
	}

	public Scheduler.Caps caps(Viewer viewer) {
		RuleValues rules = rules(viewer);
		return new Scheduler.Caps(rules.integer(CAP), rules.integer(WINDOW));
	}

	RuleValues rules(Viewer viewer) {
		return this.rulebook.forUnit(this.orgChart.require(viewer.scope(), viewer.unitCode()));
	}

	/** The merge proposals among these items, with the viewer's rulebook values. */
	public List<MergeProposals.Pair> merges(Viewer viewer, List<PlanItem> items) {
		RuleValues rules = rules(viewer);
		return MergeProposals.pairs(items, rules.integer(InspectionSimilarCheck.OVERLAP),
				rules.integer(InspectionSimilarCheck.WINDOW));
	}

	/** The scheduler's proposal for the on-site items planned in the viewer's scope. */
	public Scheduler.Proposal propose(Viewer viewer, int year) {
		RuleValues rules = rules(viewer);
		List<PlanItem> items = this.plan.items(viewer.scope(), year);
		List<MergeProposals.Pair> merges = MergeProposals.pairs(items, rules.integer(InspectionSimilarCheck.OVERLAP),
				rules.integer(InspectionSimilarCheck.WINDOW));
		List<Scheduler.Visit> fixed = visits(viewer.scope(), year).stream()
			.filter(v -> v.demandId() != null)
			.map(v -> new Scheduler.Visit(v.itemIds(), v.township(), v.on()))
			.toList();
		return new Scheduler(this.calendar).propose(year, items, merges, caps(viewer), fixed);
	}

	/** The visits settled for the year to townships in scope. */
	public List<Stored> visits(Scope scope, int year) {
		return this.jdbc
			.sql("select id, item_ids, township_code, visit_on, demand_id from inspection_visit where plan_year ="
					+ " :year and township_code like :prefix order by visit_on, township_code, id")
			.param("year", year)
			.param("prefix", prefix(scope.unitCode()) + "%")
			.query((rs, n) -> new Stored(rs.getLong(1), ids(rs.getString(2)), rs.getString(3),
					rs.getDate(4).toLocalDate(), demandId(rs.getLong(5), rs.wasNull())))
			.list();
	}

	/** The calendar of the year: every township in scope with settled visits. */
	public List<Row> rows(Viewer viewer, int year) {
		Scheduler.Caps caps = caps(viewer);
		Map<String, List<Stored>> byTownship = new TreeMap<>();
		for (Stored v : visits(viewer.scope(), year)) {
			byTownship.computeIfAbsent(v.township(), t -> new ArrayList<>()).add(v);
		}
		List<Row> rows = new ArrayList<>();
		byTownship.forEach((township, visits) -> {
			Set<Long> clustered = clustered(visits, caps.clusterWindowDays());
			List<Cell> cells = new ArrayList<>();
			for (int m = 1; m <= 12; m++) {
				int month = m;
				List<Stored> inMonth = visits.stream().filter(v -> v.on().getMonthValue() == month).toList();
				cells.add(new Cell(month, inMonth.size(), inMonth.size() > caps.monthlyCap(),
						inMonth.stream().anyMatch(v -> clustered.contains(v.id()))));
			}
			String name = this.orgChart.unit(viewer.scope(), township).map(Unit::name).orElse(township);
			rows.add(new Row(township, name, cells, visits));
		});
		return rows;
	}

	/**
	 * The visits that lie closer than the window to another visit of the same township.
	 */
	public static Set<Long> clustered(List<Stored> visits, int windowDays) {
		Set<Long> flagged = new TreeSet<>();
		for (int i = 0; i < visits.size(); i++) {
			for (int j = i + 1; j < visits.size(); j++) {
				Stored a = visits.get(i);
				Stored b = visits.get(j);
				if (a.township().equals(b.township())
						&& Math.abs(ChronoUnit.DAYS.between(a.on(), b.on())) < windowDays) {
					flagged.add(a.id());
					flagged.add(b.id());
				}
			}
		}
		return flagged;
	}

	/**
	 * Replaces the year's settled visits of the viewer's jurisdiction with a proposal.
	 */
	@Transactional
	public int accept(Viewer viewer, int year) {
		requireKeeper(viewer);
		Scheduler.Proposal proposal = propose(viewer, year);
		this.jdbc
			.sql("delete from inspection_visit where jurisdiction = :unit and plan_year = :year and demand_id is null")
			.param("unit", viewer.unitCode())
			.param("year", year)
			.update();
		for (Scheduler.Visit v : proposal.visits()) {
			this.jdbc
				.sql("insert into inspection_visit (plan_year, jurisdiction, item_ids, township_code, visit_on,"
						+ " accepted_by, accepted_at) values (:year, :unit, :items, :township, :on, :by, :now)")
				.param("year", year)
				.param("unit", viewer.unitCode())
				.param("items", String.join(",", v.itemIds().stream().map(String::valueOf).toList()))
				.param("township", v.township())
				.param("on", Date.valueOf(v.on()))
				.param("by", viewer.username())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		this.audit.record(new AuditEvent(viewer.username(), "inspections.schedule-accepted", AuditResult.SUCCESS,
				"unit:" + viewer.unitCode(),
				year + ": " + proposal.visits().size() + " visits, " + proposal.unplaced().size() + " unplaced"));
		return proposal.visits().size();
	}

	/**
	 * Moves a settled visit of the viewer's jurisdiction to another working day of the
	 * same year, within the township's monthly cap; a cluster is shown, not refused.
	 */
	@Transactional
	public void change(Viewer viewer, long visitId, LocalDate on) {
		requireKeeper(viewer);
		Stored visit = this.jdbc
			.sql("select id, item_ids, township_code, visit_on from inspection_visit where id = :id and"
					+ " jurisdiction = :unit and demand_id is null")
			.param("id", visitId)
			.param("unit", viewer.unitCode())
			.query((rs, n) -> new Stored(rs.getLong(1), ids(rs.getString(2)), rs.getString(3),
					rs.getDate(4).toLocalDate(), null))
			.optional()
			.orElseThrow(() -> Problem.notFound("inspections.visit", visitId));
		if (on.getYear() != visit.on().getYear() || !this.calendar.isWorkingDay(on)) {
			throw Problem.badRequest("inspections.visit-date", on);
		}
		int cap = caps(viewer).monthlyCap();
		long others = visits(viewer.scope(), on.getYear()).stream()
			.filter(v -> v.id() != visitId && v.township().equals(visit.township())
					&& v.on().getMonthValue() == on.getMonthValue())
			.count();
		if (others >= cap) {
			throw Problem.conflict("inspections.visit-cap", visit.township(), on.getMonthValue(), others, cap);
		}
		this.jdbc
			.sql("update inspection_visit set visit_on = :on, accepted_by = :by, accepted_at = :now where id = :id")
			.param("on", Date.valueOf(on))
			.param("by", viewer.username())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("id", visitId)
			.update();
		this.audit.record(new AuditEvent(viewer.username(), "inspections.visit-changed", AuditResult.SUCCESS,
				"inspection-visit:" + visitId, visit.on() + " -> " + on));
	}

	/**
	 * Enters the visits of an issued on-site inspection in the calendar: one per township
	 * of its targets on its date, replacing any entered before for the demand.
	 */
	@Transactional
	public void enter(long demandId, String issuerUnitCode, @Nullable Long planItem, List<String> targets,
			LocalDate on) {
		this.jdbc.sql("delete from inspection_visit where demand_id = :id").param("id", demandId).update();
		for (String township : Similarity.townships(targets)) {
			if (!UnitLevel.isCode(township) || UnitLevel.ofCode(township) != UnitLevel.TOWNSHIP) {
				continue;
			}
			this.jdbc.sql("insert into inspection_visit (plan_year, jurisdiction, item_ids, township_code, visit_on,"
					+ " accepted_by, accepted_at, demand_id) values (:year, :unit, :items, :township, :on, 'system',"
					+ " :now, :demand)")
				.param("year", on.getYear())
				.param("unit", issuerUnitCode)
				.param("items", planItem == null ? "" : planItem.toString())
				.param("township", township)
				.param("on", Date.valueOf(on))
				.param("now", Timestamp.from(this.clock.instant()))
				.param("demand", demandId)
				.update();
		}
	}

	private static @Nullable Long demandId(long value, boolean wasNull) {
		return wasNull ? null : value;
	}

	static void requireKeeper(Viewer viewer) {
		if (!viewer.has(Role.GATEKEEPER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "inspections.not-gatekeeper");
		}
	}

	/** The leading digits every unit under this code shares. */
	static String prefix(String code) {
		int[] digits = { 2, 4, 6, 9, 12 };
		return code.substring(0, digits[UnitLevel.ofCode(code).number() - 1]);
	}

	private static List<Long> ids(String text) {
		return Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
	}

}
