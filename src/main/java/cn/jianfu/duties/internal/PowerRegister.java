package cn.jianfu.duties.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The register of delegated powers (赋权): each power's steps, and which level exercises
 * each step in each county since when, by which instrument. Entries are never changed: a
 * delegation is a new entry with a later date, so the history stays.
 */
@Component
public class PowerRegister {

	static final String AUDIT_TYPE = "duties.power-assigned";

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	private final AuditLog audit;

	private final Clock clock;

	PowerRegister(JdbcClient jdbc, OrgChart orgChart, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.orgChart = orgChart;
		this.audit = audit;
		this.clock = clock;
	}

	public List<Power> powers() {
		return this.jdbc.sql("select code, name_zh, name_en from power order by code")
			.query((rs, i) -> new Power(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
					steps(rs.getString("code"))))
			.list();
	}

	public Power power(String code) {
		return powers().stream()
			.filter(p -> p.code().equals(code))
			.findFirst()
			.orElseThrow(() -> Problem.notFound("power", code));
	}

	List<Step> steps(String powerCode) {
		return this.jdbc
			.sql("select step_no, step_code, name_zh, name_en, days, hours from power_step where power_code = :power"
					+ " order by step_no")
			.param("power", powerCode)
			.query((rs, i) -> new Step(rs.getInt("step_no"), rs.getString("step_code"), rs.getString("name_zh"),
					rs.getString("name_en"), rs.getInt("days"), rs.getBigDecimal("hours")))
			.list();
	}

	/**
	 * The history of a power's assignments in the counties of the viewer's scope, or
	 * above.
	 */
	public List<Assignment> history(Viewer viewer, String powerCode) {
		return this.jdbc
			.sql("select a.power_code, a.step_code, a.county_code, u.name county_name, a.level, a.since, a.instrument,"
					+ " a.recorded_by, a.recorded_at from power_assignment a join unit u on u.code = a.county_code"
					+ " where a.power_code = :power and (u.path like :scope or :path like u.path || '%')"
					+ " order by a.county_code, a.step_code, a.since")
			.param("power", powerCode)
			.param("scope", viewer.scope().pathPattern())
			.param("path", viewer.scope().path())
			.query((rs, i) -> new Assignment(rs.getString("power_code"), rs.getString("step_code"),
					rs.getString("county_code"), rs.getString("county_name"), UnitLevel.of(rs.getInt("level")),
					rs.getDate("since").toLocalDate(), rs.getString("instrument"), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	/**
	 * The level that exercises a step of a power in a county on a day, if the register
	 * says.
	 */
	public Optional<UnitLevel> levelOn(String powerCode, String stepCode, String countyCode, LocalDate day) {
		return this.jdbc
			.sql("select level from power_assignment where power_code = :power and step_code = :step"
					+ " and county_code = :county and since <= :day order by since desc")
			.param("power", powerCode)
			.param("step", stepCode)
			.param("county", countyCode)
			.param("day", Date.valueOf(day))
			.query((rs, i) -> UnitLevel.of(rs.getInt("level")))
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * The days on which some step of the power moved from one level to another in a
	 * county.
	 */
	public List<LocalDate> delegations(String powerCode, String countyCode) {
		return this.jdbc
			.sql("select a.since from power_assignment a where a.power_code = :power and a.county_code = :county"
					+ " and exists (select 1 from power_assignment b where b.power_code = a.power_code"
					+ " and b.step_code = a.step_code and b.county_code = a.county_code and b.since < a.since"
					+ " and b.level <> a.level) group by a.since order by a.since")
			.param("power", powerCode)
			.param("county", countyCode)
			.query((rs, i) -> rs.getDate("since").toLocalDate())
			.list();
	}

	/**
	 * Records that from {@code since} a level exercises a step of a power in a county, by
	 * an instrument (the decision that delegated it). Gatekeepers and administrators
	 * whose scope holds the county.
	 */
	@Transactional
	public void assign(Viewer viewer, String powerCode, String stepCode, String countyCode, UnitLevel level,
			LocalDate since, String instrument) {
		if (!viewer.has(Role.ADMIN) && !viewer.has(Role.GATEKEEPER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "duties.not-register-keeper");
		}
		Unit county = this.orgChart.require(viewer.scope(), countyCode);
		record(viewer.username(), powerCode, stepCode, county, level, since, instrument);
	}

	void record(String account, String powerCode, String stepCode, Unit county, UnitLevel level, LocalDate since,
			String instrument) {
		if (county.level() != UnitLevel.COUNTY) {
			throw Problem.badRequest("duties.assignment.county", county.code());
		}
		Power power = power(powerCode);
		if (power.steps().stream().noneMatch(s -> s.code().equals(stepCode))) {
			throw Problem.notFound("power-step", powerCode + ":" + stepCode);
		}
		if (level.number() < UnitLevel.COUNTY.number()) {
			throw Problem.badRequest("duties.assignment.level");
		}
		String text = instrument.strip();
		if (text.isEmpty() || text.length() > 500) {
			throw Problem.badRequest("duties.assignment.instrument", 500);
		}
		List<Integer> existing = this.jdbc
			.sql("select level from power_assignment where power_code = :power and step_code = :step"
					+ " and county_code = :county and since = :since and instrument = :instrument")
			.param("power", powerCode)
			.param("step", stepCode)
			.param("county", county.code())
			.param("since", Date.valueOf(since))
			.param("instrument", text)
			.query(Integer.class)
			.list();
		if (existing.contains(level.number())) {
			return;
		}
		boolean exists = this.jdbc
			.sql("select count(*) from power_assignment where power_code = :power and step_code = :step"
					+ " and county_code = :county and since = :since")
			.param("power", powerCode)
			.param("step", stepCode)
			.param("county", county.code())
			.param("since", Date.valueOf(since))
			.query(Long.class)
			.single() > 0;
		if (exists) {
			throw Problem.conflict("duties.assignment.exists", stepCode, since);
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("insert into power_assignment (power_code, step_code, county_code, level, since, instrument,"
				+ " recorded_by, recorded_at) values (:power, :step, :county, :level, :since, :instrument, :by, :at)")
			.param("power", powerCode)
			.param("step", stepCode)
			.param("county", county.code())
			.param("level", level.number())
			.param("since", Date.valueOf(since))
			.param("instrument", text)
			.param("by", account)
			.param("at", Timestamp.from(now))
			.update();
		this.audit.record(new AuditEvent(account, AUDIT_TYPE, AuditResult.SUCCESS,
				"power:" + powerCode + ":" + stepCode + ":" + county.code(),
				"level " + level.number() + " since " + since + " by " + text));
	}

	void define(String code, String nameZh, String nameEn, List<Step> steps) {
		this.jdbc.sql("insert into power (code, name_zh, name_en) values (:code, :zh, :en)")
			.param("code", code)
			.param("zh", nameZh)
			.param("en", nameEn)
			.update();
		for (Step step : steps) {
			this.jdbc
				.sql("insert into power_step (power_code, step_no, step_code, name_zh, name_en, days, hours)"
						+ " values (:power, :no, :code, :zh, :en, :days, :hours)")
				.param("power", code)
				.param("no", step.number())
				.param("code", step.code())
				.param("zh", step.nameZh())
				.param("en", step.nameEn())
				.param("days", step.days())
				.param("hours", step.hours())
				.update();
		}
	}

	/** A power (a case type) and its steps in order. */
	public record Power(String code, String nameZh, String nameEn, List<Step> steps) {

		public Power {
			steps = List.copyOf(steps);
		}

	}

	/**
	 * One step of a power: its deadline in working days from the day a case reaches it,
	 * and the person-hours it takes (the workload that moves with a delegation).
	 */
	public record Step(int number, String code, String nameZh, String nameEn, int days, BigDecimal hours) {
	}

	public record Assignment(String powerCode, String stepCode, String countyCode, String countyName, UnitLevel level,
			LocalDate since, String instrument, String recordedBy, Instant recordedAt) {
	}

}
