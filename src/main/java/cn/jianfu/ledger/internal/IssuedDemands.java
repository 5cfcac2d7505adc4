package cn.jianfu.ledger.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandIssued;

/**
 * Listens to the gate: every issued demand becomes ledger entries, after the gate's
 * transaction commits and in a transaction of its own, so that the gate never waits for
 * (or calls) the ledger; the event publication registry redelivers an event whose
 * listener failed.
 */
@Component
class IssuedDemands {

	private final LedgerEntries entries;

	IssuedDemands(LedgerEntries entries) {
		this.entries = entries;
	}

	@ApplicationModuleListener
	void on(DemandIssued event) {
		this.entries.record(event);
	}

}
