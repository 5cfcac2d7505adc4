package cn.jianfu.meetings.checks;

import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.meetings.internal.MeetingHistory;
import cn.jianfu.platform.Bilingual;

/**
 * The jurisdiction's video share: an in-person meeting that would leave the issuing
 * unit's share of meetings held by video this year (counting this one) below the
 * rulebook's minimum gets a warning.
 */
@Component
class MeetingVideoShareCheck extends MeetingCheck {

	static final String CODE = "meeting.video-share";

	static final String RULE = "meeting.video-share.min-percent";

	private final MeetingHistory meetings;

	MeetingVideoShareCheck(Bilingual messages, MeetingHistory meetings) {
		super(CODE, RULE, messages);
		this.meetings = meetings;
	}

	@Override
	Stream<Finding> checkMeeting(DemandSnapshot demand, GateContext context) {
		Integer year = integer(demand.details(), "meeting.year");
		String mode = demand.details().get("meeting.mode");
		if (year == null || mode == null || !"in-person".equals(mode)) {
			return Stream.empty();
		}
		int minimum = context.rules().integer(RULE);
		MeetingHistory.Share before = this.meetings.videoShare(demand.issuerUnitCode(), year, demand.id());
		long total = before.total() + 1;
		// video / total < minimum / 100, in integers
		if (before.video() * 100 >= (long) minimum * total) {
			return Stream.empty();
		}
		long percent = before.video() * 100 / total;
		String evidence = "year=" + year + ", by video=" + before.video() + " of " + total + " (" + percent
				+ "%) counting this one, minimum=" + minimum + "% (" + RULE + ")";
		return Stream.of(finding(Severity.WARN, evidence, RULE, context, before.video(), total, percent, minimum));
	}

}
