package cn.jianfu.meetings.checks;

import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * A meeting convened by a deputy leader that requires the principal leaders of the
 * recipient units needs a justification.
 */
@Component
class MeetingDeputyConvenedCheck extends MeetingCheck {

	static final String CODE = "meeting.deputy-principals";

	static final String RULE = "meeting.deputy-no-principals";

	MeetingDeputyConvenedCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	Stream<Finding> checkMeeting(DemandSnapshot demand, GateContext context) {
		Integer principals = integer(demand.details(), "meeting.attendance.principal");
		if (!context.rules().flag(RULE) || !"deputy".equals(demand.details().get("meeting.convener"))
				|| principals == null || principals < 1) {
			return Stream.empty();
		}
		return Stream.of(finding(Severity.JUSTIFY,
				"convener=deputy, principal leaders required per recipient=" + principals, RULE, context, principals));
	}

}
