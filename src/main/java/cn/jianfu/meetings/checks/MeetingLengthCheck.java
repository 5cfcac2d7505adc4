package cn.jianfu.meetings.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * Short meetings: the main speech at most 60 minutes; group discussion at most 1.5 days;
 * a meeting that is not a comprehensive work meeting at most half a day. Days count
 * {@code burden.hours-per-day} hours. Each excess is its own finding
 * ({@code meeting.length.speech}, {@code .discussion}, {@code .duration}), to be
 * justified.
 */
@Component
class MeetingLengthCheck extends MeetingCheck {

	static final String CODE = "meeting.length";

	static final String SPEECH = "meeting.main-speech.max-minutes";

	static final String DISCUSSION = "meeting.discussion.max-days";

	static final String OTHER = "meeting.other.max-days";

	MeetingLengthCheck(Bilingual messages) {
		super(CODE, SPEECH, messages);
	}

	@Override
	Stream<Finding> checkMeeting(DemandSnapshot demand, GateContext context) {
		Map<String, String> d = demand.details();
		List<Finding> findings = new ArrayList<>();
		BigDecimal minutesPerDay = context.rules().decimal("burden.hours-per-day").multiply(BigDecimal.valueOf(60));
		Integer speech = integer(d, "meeting.main-speech-minutes");
		int maxSpeech = context.rules().integer(SPEECH);
		if (speech != null && speech > maxSpeech) {
			findings.add(finding(CODE + ".speech", Severity.JUSTIFY,
					"main speech=" + speech + " min, maximum=" + maxSpeech + " (" + SPEECH + ")", SPEECH, context,
					speech, maxSpeech));
		}
		Integer discussion = integer(d, "meeting.discussion-minutes");
		BigDecimal maxDiscussionDays = context.rules().decimal(DISCUSSION);
		BigDecimal maxDiscussion = maxDiscussionDays.multiply(minutesPerDay);
		if (discussion != null && BigDecimal.valueOf(discussion).compareTo(maxDiscussion) > 0) {
			findings.add(finding(CODE + ".discussion", Severity.JUSTIFY,
					"group discussion=" + discussion + " min, maximum="
							+ maxDiscussion.stripTrailingZeros().toPlainString() + " min (" + DISCUSSION
							+ " × burden.hours-per-day)",
					DISCUSSION, context, discussion, maxDiscussionDays, maxDiscussion));
		}
		Integer minutes = integer(d, "meeting.minutes");
		BigDecimal maxOtherDays = context.rules().decimal(OTHER);
		BigDecimal maxOther = maxOtherDays.multiply(minutesPerDay);
		if (!flag(d, "meeting.comprehensive") && minutes != null
				&& BigDecimal.valueOf(minutes).compareTo(maxOther) > 0) {
			findings
				.add(finding(CODE + ".duration", Severity.JUSTIFY,
						"meeting=" + minutes + " min, maximum=" + maxOther.stripTrailingZeros().toPlainString()
								+ " min (" + OTHER + " × burden.hours-per-day)",
						OTHER, context, minutes, maxOtherDays, maxOther));
		}
		return findings.stream();
	}

}
