package cn.jianfu.meetings.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * 计划管理: each jurisdiction's annual meeting plan, by field and month. Issuers and
 * gatekeepers of a unit keep their unit's plan; a meeting outside it needs a
 * justification at the gate.
 */
@Service
public class MeetingPlan {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	MeetingPlan(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** One planned meeting. */
	public record Entry(long id, String unitCode, int year, int month, String field, String title,
			boolean comprehensive, MeetingMode mode, String createdBy, Instant createdAt) {
	}

	/** What a planner sends for a new entry. */
	public record NewEntry(@Nullable Integer year, @Nullable Integer month, @Nullable String field,
			@Nullable String title, @Nullable Boolean comprehensive, @Nullable MeetingMode mode) {
	}

	@Transactional(readOnly = true)
	public List<Entry> entries(Viewer viewer, int year) {
		return this.jdbc
			.sql("select * from meeting_plan_entry where unit_code = :unit and plan_year = :year"
					+ " order by plan_month, field, id")
			.param("unit", viewer.unitCode())
			.param("year", year)
			.query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("unit_code"), rs.getInt("plan_year"),
					rs.getInt("plan_month"), rs.getString("field"), rs.getString("title"),
					rs.getBoolean("comprehensive"), MeetingMode.valueOf(rs.getString("mode")),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	public Optional<Entry> find(String unitCode, long id) {
		return this.jdbc.sql("select * from meeting_plan_entry where id = :id and unit_code = :unit")
			.param("id", id)
			.param("unit", unitCode)
			.query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("unit_code"), rs.getInt("plan_year"),
					rs.getInt("plan_month"), rs.getString("field"), rs.getString("title"),
					rs.getBoolean("comprehensive"), MeetingMode.valueOf(rs.getString("mode")),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	@Transactional
	public long add(Viewer viewer, NewEntry entry) {
		requirePlanner(viewer);
		List<MeetingInvalid.FieldError> errors = new ArrayList<>();
		int year = this.clock.instant().atZone(MeetingDesk.CHINA).getYear();
		if (entry.year() == null || entry.year() < year - 1 || entry.year() > year + 5) {
			errors.add(new MeetingInvalid.FieldError("year", "meeting.plan.year", year - 1, year + 5));
		}
		if (entry.month() == null || entry.month() < 1 || entry.month() > 12) {
			errors.add(new MeetingInvalid.FieldError("month", "meeting.plan.month"));
		}
		MeetingDesk.text(errors, "field", entry.field(), 40, true);
		MeetingDesk.text(errors, "title", entry.title(), 200, true);
		if (entry.mode() == null) {
			errors.add(new MeetingInvalid.FieldError("mode", "meeting.mode.required"));
		}
		if (!errors.isEmpty()) {
			throw new MeetingInvalid(errors);
		}
		Instant now = this.clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into meeting_plan_entry (unit_code, plan_year, plan_month, field, title, comprehensive, mode,"
					+ " created_by, created_at) values (:unit, :year, :month, :field, :title, :comprehensive, :mode,"
					+ " :by, :at)")
			.param("unit", viewer.unitCode())
			.param("year", entry.year())
			.param("month", entry.month())
			.param("field", entry.field().strip())
			.param("title", entry.title().strip())
			.param("comprehensive", Boolean.TRUE.equals(entry.comprehensive()))
			.param("mode", entry.mode().name())
			.param("by", viewer.username())
			.param("at", Timestamp.from(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		record(viewer, "meeting.plan.added", id, entry.year() + "-" + entry.month() + " " + entry.title());
		return id;
	}

	@Transactional
	public void delete(Viewer viewer, long id) {
		requirePlanner(viewer);
		if (find(viewer.unitCode(), id).isEmpty()) {
			throw Problem.notFound("meeting.plan", id);
		}
		long used = this.jdbc.sql("select count(*) from meeting where plan_entry_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		if (used > 0) {
			throw Problem.conflict("meeting.plan.in-use", id);
		}
		this.jdbc.sql("delete from meeting_plan_entry where id = :id").param("id", id).update();
		record(viewer, "meeting.plan.deleted", id, "");
	}

	static void requirePlanner(Viewer viewer) {
		if (!viewer.has(Role.ISSUER) && !viewer.has(Role.GATEKEEPER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "meeting.plan.not-planner");
		}
	}

	private void record(Viewer viewer, String type, long id, String detail) {
		this.audit.record(new AuditEvent(viewer.username(), type, AuditResult.SUCCESS, "meeting-plan:" + id, detail));
	}

}
