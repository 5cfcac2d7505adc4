package cn.jianfu.ledger;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.jianfu.ledger.internal.Inbox;
import cn.jianfu.org.Viewer;

/**
 * How other modules (the demo scenario) report a demand that bypassed the gate on behalf
 * of a grassroots account: the same report as the inbox's form, without an attachment.
 */
@Component
public class UngatedReportIntake {

	private final Inbox inbox;

	UngatedReportIntake(Inbox inbox) {
		this.inbox = inbox;
	}

	/**
	 * Reports it for the viewer's unit.
	 * @param channel one of {@link Inbox#CHANNELS} ({@code WORK_GROUP}, {@code PHONE} …)
	 * @return the report's id
	 */
	public long report(Viewer viewer, String channel, String issuer, LocalDate receivedOn, String text) {
		return this.inbox.reportUngated(viewer, new Inbox.UngatedReport(channel, issuer, receivedOn, text, null));
	}

}
