package cn.jianfu.feedback.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.documents.UngatedDemandSuspected;
import cn.jianfu.gate.DemandApproved;
import cn.jianfu.gate.DemandEvidence;
import cn.jianfu.ledger.UngatedDemandReported;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;

/**
 * What supervisors watch besides reports: demands a gatekeeper approved over findings
 * that needed a justification (in this gate a BLOCK cannot be approved, so every approval
 * is an override of JUSTIFY findings), and demands the grassroots reported as having
 * arrived without a gate number. Both arrive as events and are kept for triage.
 */
@Component
public class GateWatch {

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	private final DemandEvidence evidence;

	private final Scope everywhere;

	private final Clock clock;

	GateWatch(JdbcClient jdbc, OrgChart orgChart, DemandEvidence evidence, Clock clock,
			@Value("${jianfu.feedback.root-unit:500000000000}") String rootUnit) {
		this.jdbc = jdbc;
		this.orgChart = orgChart;
		this.evidence = evidence;
		this.clock = clock;
		this.everywhere = new Scope(rootUnit, "/" + rootUnit + "/");
	}

	@ApplicationModuleListener
	void on(DemandApproved event) {
		this.jdbc.sql("delete from feedback_override where demand_id = :id").param("id", event.demandId()).update();
		this.jdbc.sql("insert into feedback_override (demand_id, gatekeeper, approved_at) values (:id, :keeper, :at)")
			.param("id", event.demandId())
			.param("keeper", event.gatekeeper())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	@ApplicationModuleListener
	void on(UngatedDemandReported event) {
		String path = this.orgChart.unit(this.everywhere, event.unitCode())
			.map(Unit::path)
			.orElse(this.everywhere.path());
		this.jdbc.sql("delete from feedback_ungated where report_id = :id").param("id", event.reportId()).update();
		this.jdbc
			.sql("insert into feedback_ungated (report_id, unit_code, unit_path, channel, issuer, received_on, body,"
					+ " reported_at) values (:id, :unit, :path, :channel, :issuer, :on, :body, :at)")
			.param("id", event.reportId())
			.param("unit", event.unitCode())
			.param("path", path)
			.param("channel", event.channel())
			.param("issuer", cut(event.issuer(), 200))
			.param("on", event.receivedOn())
			.param("body", cut(event.text(), 8000))
			.param("at", Timestamp.from(event.reportedAt()))
			.update();
	}

	/**
	 * The documents module found the report's text in no issued document: the demand
	 * likely bypassed the gate.
	 */
	@ApplicationModuleListener
	void on(UngatedDemandSuspected event) {
		this.jdbc.sql("delete from feedback_suspected where report_id = :id").param("id", event.reportId()).update();
		this.jdbc
			.sql("insert into feedback_suspected (report_id, best_containment, flagged_at) values (:id, :best, :at)")
			.param("id", event.reportId())
			.param("best",
					java.math.BigDecimal.valueOf(event.bestContainment()).setScale(4, java.math.RoundingMode.HALF_UP))
			.param("at", Timestamp.from(event.flaggedAt()))
			.update();
	}

	/** An approval over findings, with the demand as the viewer may read it. */
	public record Override(long demandId, String gatekeeper, Instant approvedAt, DemandEvidence.Record demand) {

		public long justified() {
			return this.demand.findings()
				.stream()
				.filter(f -> f.finding().severity() == cn.jianfu.gate.Severity.JUSTIFY)
				.count();
		}

	}

	/**
	 * A demand reported as having arrived without a gate number.
	 *
	 * @param matchesNothingIssued the documents module found the report's text in no
	 * issued document
	 */
	public record Ungated(long id, String unitCode, String unitName, String channel, String issuer,
			LocalDate receivedOn, String body, boolean matchesNothingIssued) {
	}

	/** Overrides of demands the viewer may read, newest first. */
	@Transactional(readOnly = true)
	public List<Override> overrides(Viewer viewer) {
		return this.jdbc
			.sql("select demand_id, gatekeeper, approved_at from feedback_override order by approved_at desc limit 500")
			.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant() })
			.list()
			.stream()
			.flatMap(r -> this.evidence.evidence(viewer, (Long) r[0])
				.map(d -> new Override((Long) r[0], (String) r[1], (Instant) r[2], d))
				.stream())
			.toList();
	}

	public Optional<Override> override(Viewer viewer, long demandId) {
		return overrides(viewer).stream().filter(o -> o.demandId() == demandId).findFirst();
	}

	/** Ungated-demand reports from units in the viewer's scope, newest first. */
	@Transactional(readOnly = true)
	public List<Ungated> ungated(Viewer viewer) {
		return this.jdbc
			.sql("select u.*, s.report_id as suspected from feedback_ungated u"
					+ " left join feedback_suspected s on s.report_id = u.report_id"
					+ " where u.unit_path like :scope order by u.reported_at desc limit 500")
			.param("scope", viewer.scope().pathPattern())
			.query((rs, row) -> new Ungated(rs.getLong("report_id"), rs.getString("unit_code"),
					this.orgChart.unit(this.everywhere, rs.getString("unit_code"))
						.map(Unit::name)
						.orElse(rs.getString("unit_code")),
					rs.getString("channel"), rs.getString("issuer"), rs.getObject("received_on", LocalDate.class),
					rs.getString("body"), rs.getObject("suspected") != null))
			.list();
	}

	public Optional<Ungated> ungated(Viewer viewer, long id) {
		return ungated(viewer).stream().filter(u -> u.id() == id).findFirst();
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

}
