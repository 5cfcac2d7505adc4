package cn.jianfu.duties.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The lists of every unit: read by the gate checks and the pages, replaced whole by an
 * import. A replacement is approved by someone named in it, and audited.
 */
@Component
public class DutyLists {

	static final String AUDIT_TYPE = "duties.list-replaced";

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	private final AuditLog audit;

	private final Clock clock;

	DutyLists(JdbcClient jdbc, OrgChart orgChart, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.orgChart = orgChart;
		this.audit = audit;
		this.clock = clock;
	}

	/** The list kind a unit keeps: townships a duty list, villages an admission list. */
	public static Optional<ListKind> kindFor(UnitLevel level) {
		return switch (level) {
			case TOWNSHIP -> Optional.of(ListKind.DUTY);
			case VILLAGE -> Optional.of(ListKind.ADMISSION);
			default -> Optional.empty();
		};
	}

	/** A unit's list as the viewer may read it: a unit outside the scope is not found. */
	public Optional<DutyList> read(Viewer viewer, String unitCode) {
		this.orgChart.require(viewer.scope(), unitCode);
		return find(unitCode);
	}

	/** Whether the viewer may replace this unit's list (the unit must be in scope). */
	public boolean mayWrite(Viewer viewer, Unit unit) {
		if (viewer.has(Role.ADMIN) || viewer.has(Role.GATEKEEPER)) {
			return viewer.scope().includes(unit.path());
		}
		return viewer.has(Role.GRASSROOTS) && viewer.unitLevel() == UnitLevel.TOWNSHIP
				&& unit.level().number() >= UnitLevel.TOWNSHIP.number()
				&& UnitLevel.TOWNSHIP.truncate(unit.code()).equals(viewer.unitCode());
	}

	/**
	 * The unit, if the viewer may replace its list; not found outside scope, 403 within.
	 */
	public Unit requireWritable(Viewer viewer, String unitCode) {
		Unit unit = this.orgChart.require(viewer.scope(), unitCode);
		if (!mayWrite(viewer, unit)) {
			throw new Problem(HttpStatus.FORBIDDEN, "duties.not-list-keeper");
		}
		if (kindFor(unit.level()).isEmpty()) {
			throw Problem.badRequest("duties.no-list-at-level", unitCode);
		}
		return unit;
	}

	public Optional<DutyList> find(String unitCode) {
		return Optional.ofNullable(forUnits(List.of(unitCode)).get(unitCode));
	}

	/** The lists of those units that have one, by unit code. */
	public Map<String, DutyList> forUnits(Collection<String> unitCodes) {
		if (unitCodes.isEmpty()) {
			return Map.of();
		}
		Map<String, ListKind> kinds = new HashMap<>();
		Map<String, List<DutyItem>> items = new HashMap<>();
		Map<String, List<String>> certificates = new HashMap<>();
		this.jdbc
			.sql("select unit_code, list_kind, item_code, name, category, field, lead_department, legal_basis"
					+ " from duty_item where unit_code in (:codes) order by unit_code, id")
			.param("codes", unitCodes)
			.query((rs, i) -> {
				kinds.put(rs.getString("unit_code"), ListKind.valueOf(rs.getString("list_kind")));
				return items.computeIfAbsent(rs.getString("unit_code"), k -> new java.util.ArrayList<>())
					.add(new DutyItem(rs.getString("item_code"), rs.getString("name"),
							Category.valueOf(rs.getString("category")), rs.getString("field"),
							rs.getString("lead_department"), rs.getString("legal_basis")));
			})
			.list();
		this.jdbc
			.sql("select unit_code, certificate from duty_certificate where unit_code in (:codes)"
					+ " order by unit_code, certificate")
			.param("codes", unitCodes)
			.query((rs, i) -> {
				kinds.putIfAbsent(rs.getString("unit_code"), ListKind.ADMISSION);
				return certificates.computeIfAbsent(rs.getString("unit_code"), k -> new java.util.ArrayList<>())
					.add(rs.getString("certificate"));
			})
			.list();
		Map<String, DutyList> lists = new HashMap<>();
		kinds.forEach((code, kind) -> lists.put(code, new DutyList(code, kind, items.getOrDefault(code, List.of()),
				certificates.getOrDefault(code, List.of()))));
		return lists;
	}

	/**
	 * Replaces a unit's list with another, all at once, recording who changed it and who
	 * approved it.
	 */
	@Transactional
	public void replace(DutyList list, String changedBy, Approval approval) {
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from duty_item where unit_code = :unit").param("unit", list.unitCode()).update();
		this.jdbc.sql("delete from duty_certificate where unit_code = :unit").param("unit", list.unitCode()).update();
		for (DutyItem item : list.items()) {
			this.jdbc
				.sql("insert into duty_item (unit_code, list_kind, item_code, name, category, field, lead_department,"
						+ " legal_basis) values (:unit, :kind, :code, :name, :category, :field, :lead, :basis)")
				.param("unit", list.unitCode())
				.param("kind", list.kind().name())
				.param("code", item.itemCode())
				.param("name", item.name())
				.param("category", item.category().name())
				.param("field", item.field())
				.param("lead", item.leadDepartment())
				.param("basis", item.legalBasis())
				.update();
		}
		for (String certificate : list.certificates()) {
			this.jdbc.sql("insert into duty_certificate (unit_code, certificate) values (:unit, :certificate)")
				.param("unit", list.unitCode())
				.param("certificate", certificate)
				.update();
		}
		this.jdbc
			.sql("insert into duty_list_change (unit_code, list_kind, items, certificates, changed_by, approved_by,"
					+ " approval_ref, changed_at) values (:unit, :kind, :items, :certs, :by, :approvedBy, :ref, :at)")
			.param("unit", list.unitCode())
			.param("kind", list.kind().name())
			.param("items", list.items().size())
			.param("certs", list.certificates().size())
			.param("by", changedBy)
			.param("approvedBy", approval.approvedBy())
			.param("ref", approval.reference())
			.param("at", Timestamp.from(now))
			.update();
		String counts = java.util.Arrays.stream(Category.values())
			.filter(c -> c.list() == list.kind())
			.map(c -> c.name() + "=" + list.count(c))
			.collect(java.util.stream.Collectors.joining(" "));
		this.audit.record(new AuditEvent(changedBy, AUDIT_TYPE, AuditResult.SUCCESS,
				"duty-list:" + list.unitCode() + ":" + list.kind(),
				"items=" + list.items().size() + " " + counts + " certificates=" + list.certificates().size()
						+ "; approved by " + approval.approvedBy() + " (" + approval.reference() + ")"));
	}

	/** The replacements of a unit's list, newest first. */
	public List<Change> changes(String unitCode) {
		return this.jdbc
			.sql("select items, certificates, changed_by, approved_by, approval_ref, changed_at from duty_list_change"
					+ " where unit_code = :unit order by changed_at desc, id desc")
			.param("unit", unitCode)
			.query((rs, i) -> new Change(rs.getInt("items"), rs.getInt("certificates"), rs.getString("changed_by"),
					rs.getString("approved_by"), rs.getString("approval_ref"),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	/**
	 * Who approved a change of a list, and by what (a meeting's minutes, a document
	 * number).
	 */
	public record Approval(String approvedBy, String reference) {

		public Approval {
			approvedBy = approvedBy.strip();
			reference = reference.strip();
			if (approvedBy.isEmpty() || approvedBy.length() > 200) {
				throw Problem.badRequest("duties.approval.by", 200);
			}
			if (reference.isEmpty() || reference.length() > 500) {
				throw Problem.badRequest("duties.approval.reference", 500);
			}
		}

	}

	public record Change(int items, int certificates, String changedBy, String approvedBy, String reference,
			Instant changedAt) {
	}

}
