package cn.jianfu.duties.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * Service cases (办件, e.g. 特困人员认定): a case of a power for an applicant living in a village
 * or township; each step goes to the unit that the register names on the day the case
 * reaches it, with a deadline counted in working days from that day, and every move lands
 * on the case's timeline.
 */
@Component
public class ServiceCases {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String AUDIT_TYPE = "duties.case";

	private final JdbcClient jdbc;

	private final PowerRegister register;

	private final OfficialCalendar calendar;

	private final OrgChart orgChart;

	private final UnitDirectory units;

	private final Rulebook rulebook;

	private final AuditLog audit;

	private final Clock clock;

	ServiceCases(JdbcClient jdbc, PowerRegister register, OfficialCalendar calendar, OrgChart orgChart,
			UnitDirectory units, Rulebook rulebook, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.register = register;
		this.calendar = calendar;
		this.orgChart = orgChart;
		this.units = units;
		this.rulebook = rulebook;
		this.audit = audit;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(CHINA));
	}

	/**
	 * Opens a case on the day the application was received (today or earlier), for an
	 * applicant of a village or township in the viewer's scope; the first step goes to
	 * its unit at once.
	 */
	@Transactional
	public long open(Viewer viewer, String powerCode, String homeUnitCode, String applicant, LocalDate openedOn) {
		if (!viewer.has(Role.GRASSROOTS) && !viewer.has(Role.ADMIN) && !viewer.has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "duties.case.not-allowed");
		}
		Unit home = this.orgChart.require(viewer.scope(), homeUnitCode);
		if (home.level().number() < UnitLevel.TOWNSHIP.number()) {
			throw Problem.badRequest("duties.case.home-level");
		}
		String name = applicant.strip();
		if (name.isEmpty() || name.length() > 200) {
			throw Problem.badRequest("duties.case.applicant", 200);
		}
		if (openedOn.isAfter(today())) {
			throw Problem.badRequest("duties.case.future", openedOn);
		}
		PowerRegister.Power power = this.register.power(powerCode);
		String county = UnitLevel.COUNTY.truncate(home.code());
		org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc
			.sql("insert into service_case (power_code, county_code, home_unit_code, applicant, opened_on, status,"
					+ " opened_by, version) values (:power, :county, :home, :applicant, :on, 'OPEN', :by, 0)")
			.param("power", powerCode)
			.param("county", county)
			.param("home", home.code())
			.param("applicant", name)
			.param("on", Date.valueOf(openedOn))
			.param("by", viewer.username())
			.update(keys, "id");
		long id = java.util.Objects.requireNonNull(keys.getKey()).longValue();
		event(id, openedOn, "OPENED", home.code(), "申请受理登记 / application received: " + name, viewer.username());
		reach(id, power, power.steps().get(0), county, home.code(), openedOn, viewer.username());
		this.audit.record(new AuditEvent(viewer.username(), AUDIT_TYPE, AuditResult.SUCCESS, "case:" + id,
				"opened " + powerCode + " for " + home.code() + " on " + openedOn));
		return id;
	}

	/**
	 * Completes the current step on a day: forwards the case to its next step, or decides
	 * it at the last one (or rejects it at any step). Only the unit the step is assigned
	 * to (or an administrator).
	 */
	@Transactional
	public void advance(Viewer viewer, long caseId, LocalDate on, Outcome outcome) {
		Case c = require(viewer, caseId);
		if (!c.status().equals("OPEN")) {
			throw Problem.conflict("duties.case.closed", caseId);
		}
		CaseStep current = c.current().orElseThrow();
		if (!viewer.has(Role.ADMIN) && !viewer.unitCode().equals(current.unitCode())) {
			throw new Problem(HttpStatus.FORBIDDEN, "duties.case.not-assignee", current.unitName());
		}
		if (on.isBefore(current.reachedOn()) || on.isAfter(today())) {
			throw Problem.badRequest("duties.case.step-date", current.reachedOn(), today());
		}
		PowerRegister.Power power = this.register.power(c.powerCode());
		boolean last = current.number() == power.steps().get(power.steps().size() - 1).number();
		if (outcome == Outcome.FORWARD && last || outcome == Outcome.APPROVED && !last) {
			throw Problem.badRequest("duties.case.outcome", outcome);
		}
		this.jdbc.sql("update case_step set done_on = :on where case_id = :id and step_no = :no")
			.param("on", Date.valueOf(on))
			.param("id", caseId)
			.param("no", current.number())
			.update();
		int updated = this.jdbc
			.sql("update service_case set version = version + 1, status = :status, decided_on = :decided"
					+ " where id = :id and version = :version")
			.param("status", outcome == Outcome.FORWARD ? "OPEN" : outcome.name())
			.param("decided", outcome == Outcome.FORWARD ? null : Date.valueOf(on))
			.param("id", caseId)
			.param("version", c.version())
			.update();
		if (updated == 0) {
			throw Problem.conflict("duties.case.stale", caseId);
		}
		event(caseId, on, "STEP_DONE", current.unitCode(), current.nameZh() + "完成 / " + current.nameEn() + " done"
				+ (on.isAfter(current.dueOn()) ? "（超期 / late）" : ""), viewer.username());
		if (outcome == Outcome.FORWARD) {
			PowerRegister.Step next = power.steps()
				.stream()
				.filter(s -> s.number() > current.number())
				.findFirst()
				.orElseThrow();
			reach(caseId, power, next, c.countyCode(), c.homeUnitCode(), on, viewer.username());
		}
		else {
			event(caseId, on, outcome.name(), current.unitCode(),
					outcome == Outcome.APPROVED ? "认定通过 / approved" : "不予认定 / rejected", viewer.username());
		}
		this.audit.record(new AuditEvent(viewer.username(), AUDIT_TYPE, AuditResult.SUCCESS, "case:" + caseId,
				current.code() + " " + outcome + " on " + on));
	}

	private void reach(long caseId, PowerRegister.Power power, PowerRegister.Step step, String county, String home,
			LocalDate on, String account) {
		UnitLevel level = this.register.levelOn(power.code(), step.code(), county, on)
			.orElseThrow(() -> Problem.conflict("duties.case.unassigned", step.code(), county, on));
		if (level.number() > UnitLevel.ofCode(home).number()) {
			throw Problem.conflict("duties.case.unassigned", step.code(), county, on);
		}
		String unitCode = level.truncate(home);
		Unit unit = this.units.find(unitCode).orElseThrow(() -> Problem.notFound("unit", unitCode));
		LocalDate due = this.calendar.plusWorkingDays(on, step.days());
		this.jdbc
			.sql("insert into case_step (case_id, step_no, step_code, unit_code, level, reached_on, due_on, hours)"
					+ " values (:id, :no, :code, :unit, :level, :on, :due, :hours)")
			.param("id", caseId)
			.param("no", step.number())
			.param("code", step.code())
			.param("unit", unitCode)
			.param("level", level.number())
			.param("on", Date.valueOf(on))
			.param("due", Date.valueOf(due))
			.param("hours", step.hours())
			.update();
		event(caseId, on, "ASSIGNED", unitCode, step.nameZh() + " → " + unit.name() + "，期限 " + due + " / "
				+ step.nameEn() + " → " + unit.name() + ", due " + due + " (" + step.days() + " working days)",
				account);
	}

	private void event(long caseId, LocalDate on, String kind, @Nullable String unitCode, String detail,
			String account) {
		this.jdbc
			.sql("insert into case_event (case_id, on_day, kind, unit_code, detail, account, recorded_at)"
					+ " values (:id, :on, :kind, :unit, :detail, :account, :at)")
			.param("id", caseId)
			.param("on", Date.valueOf(on))
			.param("kind", kind)
			.param("unit", unitCode)
			.param("detail", detail.length() > 1000 ? detail.substring(0, 1000) : detail)
			.param("account", account)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	/** A case the viewer may see: its home unit lies in the viewer's scope. */
	public Case require(Viewer viewer, long caseId) {
		return find(caseId).filter(c -> visible(viewer, c)).orElseThrow(() -> Problem.notFound("service-case", caseId));
	}

	private boolean visible(Viewer viewer, Case c) {
		return this.orgChart.unit(viewer.scope(), c.homeUnitCode()).isPresent()
				|| c.steps().stream().anyMatch(s -> s.unitCode().equals(viewer.unitCode()));
	}

	Optional<Case> find(long caseId) {
		return this.jdbc
			.sql("select c.id, c.power_code, p.name_zh, c.county_code, c.home_unit_code, u.name home_name, c.applicant,"
					+ " c.opened_on, c.status, c.decided_on, c.version from service_case c join power p on p.code ="
					+ " c.power_code join unit u on u.code = c.home_unit_code where c.id = :id")
			.param("id", caseId)
			.query((rs, i) -> new Case(rs.getLong("id"), rs.getString("power_code"), rs.getString("name_zh"),
					rs.getString("county_code"), rs.getString("home_unit_code"), rs.getString("home_name"),
					rs.getString("applicant"), rs.getDate("opened_on").toLocalDate(), rs.getString("status"),
					rs.getDate("decided_on") == null ? null : rs.getDate("decided_on").toLocalDate(),
					rs.getInt("version"), steps(caseId), events(caseId)))
			.optional();
	}

	/** The cases in the viewer's scope or assigned to its unit, newest first. */
	public List<Case> list(Viewer viewer, int limit) {
		List<Long> ids = this.jdbc
			.sql("select c.id from service_case c join unit u on u.code = c.home_unit_code where u.path like :scope"
					+ " or exists (select 1 from case_step s where s.case_id = c.id and s.unit_code = :unit)"
					+ " order by c.opened_on desc, c.id desc")
			.param("scope", viewer.scope().pathPattern())
			.param("unit", viewer.unitCode())
			.query(Long.class)
			.list();
		return ids.stream().limit(limit).map(id -> find(id).orElseThrow()).toList();
	}

	private List<CaseStep> steps(long caseId) {
		return this.jdbc
			.sql("select s.step_no, s.step_code, ps.name_zh, ps.name_en, s.unit_code, u.name unit_name, s.level,"
					+ " s.reached_on, s.due_on, s.done_on, s.hours from case_step s join service_case c on c.id ="
					+ " s.case_id join power_step ps on ps.power_code = c.power_code and ps.step_no = s.step_no"
					+ " join unit u on u.code = s.unit_code where s.case_id = :id order by s.step_no")
			.param("id", caseId)
			.query((rs, i) -> new CaseStep(rs.getInt("step_no"), rs.getString("step_code"), rs.getString("name_zh"),
					rs.getString("name_en"), rs.getString("unit_code"), rs.getString("unit_name"),
					UnitLevel.of(rs.getInt("level")), rs.getDate("reached_on").toLocalDate(),
					rs.getDate("due_on").toLocalDate(),
					rs.getDate("done_on") == null ? null : rs.getDate("done_on").toLocalDate(),
					rs.getBigDecimal("hours")))
			.list();
	}

	private List<CaseEvent> events(long caseId) {
		return this.jdbc
			.sql("select on_day, kind, unit_code, detail, account from case_event where case_id = :id order by id")
			.param("id", caseId)
			.query((rs, i) -> new CaseEvent(rs.getDate("on_day").toLocalDate(), rs.getString("kind"),
					rs.getString("unit_code"), rs.getString("detail"), rs.getString("account")))
			.list();
	}

	/**
	 * Where the case's current step stands against its deadline today: {@code OVERDUE}
	 * past it, {@code DUE_SOON} within the rulebook's warning days
	 * ({@code duties.case.warn-days}), else {@code ON_TIME}; {@code CLOSED} for a decided
	 * case.
	 */
	public Warning warning(Case c) {
		Optional<CaseStep> current = c.current();
		if (current.isEmpty() || !c.status().equals("OPEN")) {
			return Warning.CLOSED;
		}
		LocalDate today = today();
		LocalDate due = current.get().dueOn();
		if (today.isAfter(due)) {
			return Warning.OVERDUE;
		}
		int warnDays = this.units.find(c.countyCode())
			.map(u -> this.rulebook.forUnit(u).integer("duties.case.warn-days"))
			.orElse(3);
		return this.calendar.workingDaysBetween(today, due) <= warnDays ? Warning.DUE_SOON : Warning.ON_TIME;
	}

	/** How a step ends. */
	public enum Outcome {

		FORWARD, APPROVED, REJECTED

	}

	public enum Warning {

		ON_TIME, DUE_SOON, OVERDUE, CLOSED

	}

	public record Case(long id, String powerCode, String powerName, String countyCode, String homeUnitCode,
			String homeUnitName, String applicant, LocalDate openedOn, String status, @Nullable LocalDate decidedOn,
			int version, List<CaseStep> steps, List<CaseEvent> events) {

		public Optional<CaseStep> current() {
			return this.steps.stream().filter(s -> s.doneOn() == null).findFirst();
		}

	}

	public record CaseStep(int number, String code, String nameZh, String nameEn, String unitCode, String unitName,
			UnitLevel level, LocalDate reachedOn, LocalDate dueOn, @Nullable LocalDate doneOn, BigDecimal hours) {

		public boolean late() {
			return this.doneOn != null && this.doneOn.isAfter(this.dueOn);
		}

	}

	public record CaseEvent(LocalDate on, String kind, @Nullable String unitCode, String detail, String account) {
	}

}
