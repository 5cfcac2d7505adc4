package cn.jianfu.apps.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandClosed;
import cn.jianfu.gate.DemandExpired;
import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandRejected;
import cn.jianfu.gate.DemandWithdrawn;

/**
 * Keeps a registration's status in step with its demand at the gate: an app is in use
 * once issued, and leaves the dashboards when withdrawn, rejected, closed or expired (the
 * yearly review).
 */
@Component
class AppStatus {

	private final AppRegistry registry;

	AppStatus(AppRegistry registry) {
		this.registry = registry;
	}

	@ApplicationModuleListener
	void on(DemandIssued event) {
		this.registry.status(event.demandId(), "ISSUED");
	}

	@ApplicationModuleListener
	void on(DemandWithdrawn event) {
		this.registry.status(event.demandId(), "WITHDRAWN");
	}

	@ApplicationModuleListener
	void on(DemandRejected event) {
		this.registry.status(event.demandId(), "REJECTED");
	}

	@ApplicationModuleListener
	void on(DemandClosed event) {
		this.registry.status(event.demandId(), "CLOSED");
	}

	@ApplicationModuleListener
	void on(DemandExpired event) {
		this.registry.status(event.demandId(), "EXPIRED");
	}

}
