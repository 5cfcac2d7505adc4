package cn.jianfu.meetings.checks;

import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * 计划管理: a meeting not linked to an entry of the jurisdiction's annual meeting plan needs
 * a justification.
 */
@Component
class MeetingPlanCheck extends MeetingCheck {

	static final String CODE = "meeting.plan";

	static final String RULE = "meeting.plan.required";

	MeetingPlanCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	Stream<Finding> checkMeeting(DemandSnapshot demand, GateContext context) {
		if (!context.rules().flag(RULE) || flag(demand.details(), "meeting.in-plan")) {
			return Stream.empty();
		}
		return Stream.of(finding(Severity.JUSTIFY, "meeting.in-plan=false (no plan entry linked)", RULE, context,
				demand.field() == null ? "—" : demand.field()));
	}

}
