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
 * At most one comprehensive work meeting per field per year: a comprehensive meeting
 * beyond the cap, counting those the issuing unit already issued in the same field and
 * year, is blocked.
 */
@Component
class MeetingComprehensiveCheck extends MeetingCheck {

	static final String CODE = "meeting.comprehensive";

	static final String RULE = "meeting.comprehensive.max-per-field";

	private final MeetingHistory meetings;

	MeetingComprehensiveCheck(Bilingual messages, MeetingHistory meetings) {
		super(CODE, RULE, messages);
		this.meetings = meetings;
	}

	@Override
	Stream<Finding> checkMeeting(DemandSnapshot demand, GateContext context) {
		Integer year = integer(demand.details(), "meeting.year");
		if (!flag(demand.details(), "meeting.comprehensive") || demand.field() == null || year == null) {
			return Stream.empty();
		}
		int max = context.rules().integer(RULE);
		long before = this.meetings.comprehensiveIssued(demand.issuerUnitCode(), demand.field(), year, demand.id());
		if (before + 1 <= max) {
			return Stream.empty();
		}
		String evidence = "field=" + demand.field() + ", year=" + year + ", already issued=" + before + ", maximum="
				+ max + " (" + RULE + ")";
		return Stream.of(finding(Severity.BLOCK, evidence, RULE, context, demand.field(), year, before, max));
	}

}
