package cn.jianfu.gate.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.gate.DemandEvidence;
import cn.jianfu.org.Viewer;

/**
 * Reads a demand's gate record for other modules (the feedback module's evidence chain),
 * through the same visibility rule as {@link DemandDesk#visible}.
 */
@Component
class DemandEvidenceRecords implements DemandEvidence {

	private final Demands demands;

	private final DemandDesk desk;

	private final JdbcClient jdbc;

	DemandEvidenceRecords(Demands demands, DemandDesk desk, JdbcClient jdbc) {
		this.demands = demands;
		this.desk = desk;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Record> evidence(Viewer viewer, long demandId) {
		return this.demands.find(new DemandId(demandId))
			.filter(demand -> this.desk.visible(viewer, demand))
			.map(demand -> new Record(demand.snapshot(), demand.status().name(), demand.gateNumber(),
					demand.issuer().unitPath(), demand.verdict(),
					demand.findings().stream().map(f -> new AnsweredFinding(f.finding(), f.justification())).toList(),
					demand.decidedBy(), demand.decisionReason(), demand.submittedAt(), demand.issuedAt()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> byGateNumber(Viewer viewer, String gateNumber) {
		return this.jdbc.sql("select id from demand where gate_number = :number")
			.param("number", gateNumber.strip())
			.query(Long.class)
			.optional()
			.filter(id -> evidence(viewer, id).isPresent());
	}

}
