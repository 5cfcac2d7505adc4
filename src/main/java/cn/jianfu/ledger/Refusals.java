package cn.jianfu.ledger;

import org.springframework.stereotype.Component;

import cn.jianfu.ledger.internal.Inbox;
import cn.jianfu.org.Viewer;

/**
 * How other modules refuse an issued demand on behalf of a grassroots account: the same
 * refusal as the inbox's (the entry becomes REFUSED and {@link DemandRefused} goes to the
 * gatekeeper and the dashboards), so that there is only one kind of refusal.
 */
@Component
public class Refusals {

	private final Inbox inbox;

	Refusals(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * Refuses the demand for the viewer's unit with this reason (at most 2000
	 * characters).
	 */
	public void refuse(Viewer viewer, long demandId, String reason) {
		this.inbox.refuse(viewer, demandId, reason);
	}

}
