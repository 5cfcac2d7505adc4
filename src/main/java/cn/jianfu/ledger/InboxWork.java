package cn.jianfu.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jianfu.ledger.internal.Inbox;
import cn.jianfu.org.Viewer;

/**
 * How other modules (the demo scenario) work a grassroots account's inbox: the same hours
 * and "done" as the inbox's buttons.
 */
@Component
public class InboxWork {

	private final Inbox inbox;

	InboxWork(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * The viewer's unit's entries still to do that were due before the date: demand id
	 * and estimated hours, by due date.
	 */
	public Map<Long, BigDecimal> pending(Viewer viewer, LocalDate dueBefore) {
		Map<Long, BigDecimal> pending = new LinkedHashMap<>();
		this.inbox.entries(viewer)
			.stream()
			.filter(e -> e.open() && e.dueDate() != null && e.dueDate().isBefore(dueBefore))
			.forEach(e -> pending.put(e.demandId(), e.estimatedHours()));
		return pending;
	}

	/** Logs the hours actually spent (more than 0, at most 1000) and marks it done. */
	public void finish(Viewer viewer, long demandId, BigDecimal hours) {
		this.inbox.logHours(viewer, demandId, hours);
		this.inbox.markDone(viewer, demandId);
	}

}
