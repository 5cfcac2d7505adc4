package cn.jianfu.gate.internal;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandSteps;
import cn.jianfu.org.Viewer;

/** {@link DemandSteps} on the gate's own desk and gatekeeper. */
@Component
class GateSteps implements DemandSteps {

	private final DemandDesk desk;

	private final Gatekeeper gatekeeper;

	GateSteps(DemandDesk desk, Gatekeeper gatekeeper) {
		this.desk = desk;
		this.gatekeeper = gatekeeper;
	}

	@Override
	public long draft(Viewer viewer, DemandDraft draft, Instant at) {
		return this.desk.create(viewer, draft, at).value();
	}

	@Override
	public Outcome submit(Viewer viewer, long id, Instant at) {
		Gatekeeper.Verdict verdict = this.gatekeeper.submit(viewer, new DemandId(id), null, at);
		return new Outcome(verdict.status().name(), verdict.findings());
	}

	@Override
	public void justify(Viewer viewer, long id, Map<String, String> answers, Instant at) {
		this.desk.justify(viewer, new DemandId(id), null, answers, at);
	}

	@Override
	public void approve(Viewer gatekeeper, long id, @Nullable String reason, Instant at) {
		this.gatekeeper.approve(gatekeeper, new DemandId(id), null, reason, at);
	}

	@Override
	public void reject(Viewer gatekeeper, long id, String reason, Instant at) {
		this.gatekeeper.reject(gatekeeper, new DemandId(id), null, reason, at);
	}

	@Override
	public String issue(Viewer viewer, long id, Instant at) {
		return this.desk.issue(viewer, new DemandId(id), null, at);
	}

}
