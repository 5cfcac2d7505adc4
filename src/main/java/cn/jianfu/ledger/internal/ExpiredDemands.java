package cn.jianfu.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandExpired;

/**
 * Listens to the gate: the open entries of an expired demand become {@code EXPIRED},
 * after the gate's transaction commits and in a transaction of its own; a redelivered
 * event marks nothing more.
 */
@Component
class ExpiredDemands {

	private final LedgerEntries entries;

	private final Clock clock;

	ExpiredDemands(LedgerEntries entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DemandExpired event) {
		this.entries.expire(event.demandId(), Timestamp.from(this.clock.instant()));
	}

}
