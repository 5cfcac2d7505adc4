package cn.jianfu.duties.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.gate.DemandIssued;
import cn.jianfu.ledger.Refusals;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * Remembers, for each issued demand, the recipients it reached outside their lists, so
 * that their staff can refuse it with one click that cites the missing entry. The refusal
 * is the ledger's own: the gatekeeper sees it on the dashboards like any other.
 */
@Component
public class ListFlags {

	static final String AUDIT_TYPE = "duties.refused";

	private final ListReading reading;

	private final UnitDirectory units;

	private final JdbcClient jdbc;

	private final Refusals refusals;

	private final AuditLog audit;

	private final Clock clock;

	ListFlags(ListReading reading, UnitDirectory units, JdbcClient jdbc, Refusals refusals, AuditLog audit,
			Clock clock) {
		this.reading = reading;
		this.units = units;
		this.jdbc = jdbc;
		this.refusals = refusals;
		this.audit = audit;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DemandIssued event) {
		List<Unit> recipients = new ArrayList<>();
		for (String code : event.demand().recipientUnitCodes()) {
			this.units.find(code).ifPresent(recipients::add);
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		for (ListReading.Issue issue : this.reading.read(event.demand(), recipients)) {
			boolean known = this.jdbc
				.sql("select count(*) from duty_flag where demand_id = :demand and unit_code = :unit")
				.param("demand", event.demandId())
				.param("unit", issue.unitCode())
				.query(Long.class)
				.single() > 0;
			if (known) {
				continue;
			}
			this.jdbc
				.sql("insert into duty_flag (demand_id, unit_code, gate_number, title, kind, field, issuer_unit_code,"
						+ " reason_zh, reason_en, flagged_at) values (:demand, :unit, :number, :title, :kind, :field,"
						+ " :issuer, :zh, :en, :at)")
				.param("demand", event.demandId())
				.param("unit", issue.unitCode())
				.param("number", event.gateNumber())
				.param("title", cut(event.demand().title(), 500))
				.param("kind", event.demand().kind().name())
				.param("field", event.demand().field())
				.param("issuer", event.demand().issuerUnitCode())
				.param("zh", cut(issue.zh(), 1000))
				.param("en", cut(issue.en(), 1000))
				.param("at", now)
				.update();
		}
	}

	/** The demands addressed to the viewer's unit outside its list, newest first. */
	public List<Flag> forUnit(Viewer viewer) {
		return this.jdbc
			.sql("select demand_id, unit_code, gate_number, title, kind, field, reason_zh, reason_en, flagged_at,"
					+ " refused_by, refused_at from duty_flag where unit_code = :unit order by flagged_at desc")
			.param("unit", viewer.unitCode())
			.query((rs, i) -> new Flag(rs.getLong("demand_id"), rs.getString("unit_code"), rs.getString("gate_number"),
					rs.getString("title"), rs.getString("kind"), rs.getString("field"), rs.getString("reason_zh"),
					rs.getString("reason_en"), rs.getTimestamp("flagged_at").toInstant(), rs.getString("refused_by"),
					rs.getTimestamp("refused_at") == null ? null : rs.getTimestamp("refused_at").toInstant()))
			.list();
	}

	/**
	 * Refusals citing a list, of demands issued in the viewer's scope (for the
	 * gatekeeper).
	 */
	public List<Flag> refusedIn(Viewer viewer) {
		return this.jdbc
			.sql("select f.demand_id, f.unit_code, f.gate_number, f.title, f.kind, f.field, f.reason_zh, f.reason_en,"
					+ " f.flagged_at, f.refused_by, f.refused_at from duty_flag f join unit u on u.code = f.unit_code"
					+ " where f.refused_at is not null and u.path like :scope order by f.refused_at desc")
			.param("scope", viewer.scope().pathPattern())
			.query((rs, i) -> new Flag(rs.getLong("demand_id"), rs.getString("unit_code"), rs.getString("gate_number"),
					rs.getString("title"), rs.getString("kind"), rs.getString("field"), rs.getString("reason_zh"),
					rs.getString("reason_en"), rs.getTimestamp("flagged_at").toInstant(), rs.getString("refused_by"),
					rs.getTimestamp("refused_at").toInstant()))
			.list();
	}

	/**
	 * Refuses a flagged demand for the viewer's unit, the reason citing the list entry it
	 * lacks; not found when the demand is not flagged for the unit.
	 */
	@Transactional
	public void refuse(Viewer viewer, long demandId) {
		Flag flag = forUnit(viewer).stream()
			.filter(f -> f.demandId() == demandId)
			.findFirst()
			.orElseThrow(() -> Problem.notFound("duty-flag", demandId));
		if (flag.refusedAt() != null) {
			throw Problem.conflict("duties.already-refused", flag.gateNumber());
		}
		String reason = "不在本单位清单内：" + flag.reasonZh() + "（依据：厅字〔2022〕28号，清单外事项可不予承办）\nNot on this unit's list: "
				+ flag.reasonEn() + " (lists under 厅字〔2022〕28号: work outside them may be refused)";
		this.refusals.refuse(viewer, demandId, cut(reason, 2000));
		Instant now = this.clock.instant();
		this.jdbc.sql(
				"update duty_flag set refused_by = :by, refused_at = :at where demand_id = :demand and unit_code = :unit")
			.param("by", viewer.username())
			.param("at", Timestamp.from(now))
			.param("demand", demandId)
			.param("unit", viewer.unitCode())
			.update();
		this.audit.record(new AuditEvent(viewer.username(), AUDIT_TYPE, AuditResult.SUCCESS,
				"demand:" + demandId + ":" + viewer.unitCode(), cut(flag.reasonZh(), 1000)));
	}

	private static String cut(String text, int max) {
		return text.length() > max ? text.substring(0, max) : text;
	}

	/** A demand outside a unit's list, and whether the unit refused it. */
	public record Flag(long demandId, String unitCode, String gateNumber, String title, String kind,
			@org.jspecify.annotations.Nullable String field, String reasonZh, String reasonEn, Instant flaggedAt,
			@org.jspecify.annotations.Nullable String refusedBy, @org.jspecify.annotations.Nullable Instant refusedAt) {
	}

}
