package cn.jianfu.catalogue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * Corrections of a locked value through the indicator's owner: once a period is locked
 * (deadline plus grace days) a unit asks for a corrected value with a reason; staff of
 * the indicator's owner department whose scope holds the unit approve or reject it; an
 * approval writes a new value version that names who asked and who approved. Every step
 * is audited.
 */
@Component
public class ValueCorrections {

	private final JdbcClient jdbc;

	private final Entry entry;

	private final Indicators indicators;

	private final OrgChart orgChart;

	private final AuditLog audit;

	private final java.time.Clock clock;

	ValueCorrections(JdbcClient jdbc, Entry entry, Indicators indicators, OrgChart orgChart, AuditLog audit,
			java.time.Clock clock) {
		this.jdbc = jdbc;
		this.entry = entry;
		this.indicators = indicators;
		this.orgChart = orgChart;
		this.audit = audit;
		this.clock = clock;
	}

	/** A correction request and its decision. */
	public record Correction(long id, long demandId, String indicatorCode, String indicatorName, String unitCode,
			String period, @Nullable String oldValue, String newValue, String reason, String status, String requestedBy,
			Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
			@Nullable String decisionNote) {
	}

	/**
	 * A unit asks to correct one value of its locked sheet; the value is checked as on
	 * entry.
	 */
	@Transactional
	public Correction request(Viewer viewer, long demandId, String indicator, String value, String reason) {
		Entry.Sheet sheet = this.entry.sheet(viewer, demandId);
		if (!sheet.locked()) {
			throw Problem.conflict("catalogue.correction.not-locked", sheet.period());
		}
		Entry.Cell cell = sheet.cells()
			.stream()
			.filter(c -> c.code().equals(indicator))
			.findFirst()
			.orElseThrow(() -> Problem.badRequest("catalogue.entry.unknown-field", indicator));
		String why = reason.strip();
		if (why.isEmpty() || why.length() > 1000) {
			throw Problem.badRequest("catalogue.correction.reason");
		}
		String clean = Entry.validate(cell, value.strip());
		String old = cell.source() == Entry.Source.CATALOGUE ? cell.value() : null;
		if (clean.equals(old)) {
			throw Problem.badRequest("catalogue.correction.unchanged", cell.label(), clean);
		}
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into catalogue_correction (demand_id, indicator_code, unit_code, period, old_value, new_value,"
					+ " reason, status, requested_by, requested_at) values (:demand, :code, :unit, :period, :old, :new,"
					+ " :reason, 'PENDING', :by, :at)")
			.param("demand", demandId)
			.param("code", indicator)
			.param("unit", viewer.unitCode())
			.param("period", sheet.period())
			.param("old", old)
			.param("new", clean)
			.param("reason", why)
			.param("by", viewer.username())
			.param("at", Timestamp.from(now))
			.update();
		long id = this.jdbc
			.sql("select max(id) from catalogue_correction where demand_id = :demand and unit_code = :unit and"
					+ " indicator_code = :code")
			.param("demand", demandId)
			.param("unit", viewer.unitCode())
			.param("code", indicator)
			.query(Long.class)
			.single();
		this.audit.record(new AuditEvent(viewer.username(), "catalogue.correction-requested", AuditResult.SUCCESS,
				"correction:" + id, "demand " + demandId + ", " + indicator + " " + sheet.period() + ": " + old + " → "
						+ clean + "; reason: " + why));
		return find(id).orElseThrow();
	}

	/**
	 * The requests a viewer may see: its own unit's, and those it may decide as staff of
	 * the indicator's owner department; newest first.
	 */
	public List<Correction> visible(Viewer viewer) {
		return query(
				" where c.unit_code = :unit or i.owner_department = :department order by c.id desc fetch first"
						+ " 500 rows only",
				Map.of("unit", viewer.unitCode(), "department",
						viewer.departmentName() == null ? "" : viewer.departmentName()))
			.stream()
			.filter(c -> c.unitCode().equals(viewer.unitCode()) || owner(viewer, c))
			.toList();
	}

	/** Whether the viewer decides this request: owner department staff over the unit. */
	public boolean owner(Viewer viewer, Correction correction) {
		if (!viewer.has(Role.ISSUER) || viewer.departmentName() == null) {
			return false;
		}
		String ownerDepartment = this.indicators.find(correction.indicatorCode())
			.map(Indicator::ownerDepartment)
			.orElse(null);
		return viewer.departmentName().equals(ownerDepartment)
				&& this.orgChart.unit(viewer.scope(), correction.unitCode()).isPresent();
	}

	/**
	 * The owner approves (a new value version naming the approver) or rejects a pending
	 * request.
	 */
	@Transactional
	public Correction decide(Viewer viewer, long id, boolean approve, @Nullable String note) {
		Correction correction = find(id).filter(c -> owner(viewer, c) || c.unitCode().equals(viewer.unitCode()))
			.orElseThrow(() -> Problem.notFound("catalogue.correction", id));
		if (!owner(viewer, correction)) {
			throw new Problem(HttpStatus.FORBIDDEN, "catalogue.correction.owner-only", correction.indicatorName());
		}
		if (!correction.status().equals("PENDING")) {
			throw Problem.conflict("catalogue.correction.decided", id, correction.status());
		}
		Instant now = this.clock.instant();
		String status = approve ? "APPROVED" : "REJECTED";
		int updated = this.jdbc
			.sql("update catalogue_correction set status = :status, decided_by = :by, decided_at = :at, decision_note"
					+ " = :note where id = :id and status = 'PENDING'")
			.param("status", status)
			.param("by", viewer.username())
			.param("at", Timestamp.from(now))
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("id", id)
			.update();
		if (updated != 1) {
			throw Problem.conflict("catalogue.correction.decided", id, "?");
		}
		if (approve) {
			this.entry.writeApproved(correction.demandId(), correction.indicatorCode(), correction.unitCode(),
					correction.period(), correction.newValue(), correction.requestedBy(), viewer.username(), now);
		}
		this.audit.record(new AuditEvent(viewer.username(),
				approve ? "catalogue.correction-approved" : "catalogue.correction-rejected", AuditResult.SUCCESS,
				"correction:" + id, correction.indicatorCode() + " of " + correction.unitCode() + " "
						+ correction.period() + ": " + correction.oldValue() + " → " + correction.newValue()));
		return find(id).orElseThrow();
	}

	private java.util.Optional<Correction> find(long id) {
		return query(" where c.id = :id", Map.of("id", id)).stream().findFirst();
	}

	private List<Correction> query(String where, Map<String, Object> params) {
		return this.jdbc
			.sql("select c.id, c.demand_id, c.indicator_code, coalesce(i.name, c.indicator_code), c.unit_code, c.period,"
					+ " c.old_value, c.new_value, c.reason, c.status, c.requested_by, c.requested_at, c.decided_by,"
					+ " c.decided_at, c.decision_note from catalogue_correction c left join catalogue_indicator i on"
					+ " i.code = c.indicator_code" + where)
			.params(params)
			.query((rs, n) -> new Correction(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getString(13),
					rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(15)))
			.list();
	}

}
