package cn.jianfu.meetings.checks;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.Unit;
import cn.jianfu.platform.Bilingual;

/**
 * 层层开会、以会议落实会议, for what the gate's {@code cascade.relay} cannot see. A meeting linked to
 * a parent demand in Jianfu is marked as relaying it, and {@code cascade.relay} reports
 * it (with the parent's requirement and both fan-outs); this check stays silent then, so
 * that one relay gives one finding. It reports a meeting not so marked that still relays
 * one: its agenda, title or notice says 传达学习（贯彻）…精神, or it names a parent meeting held
 * outside Jianfu. The parent's requirement cannot be seen there, so the issuer justifies
 * (citing the document that requires the relay, if any).
 */
@Component
class MeetingRelayCheck extends MeetingCheck {

	static final String CODE = "meeting.relay";

	static final String RULE = "meeting.no-relay";

	/** 传达学习…精神, 传达贯彻…精神, 学习传达…精神 within one sentence. */
	static final Pattern RELAY = Pattern.compile("(传达学习|传达贯彻|学习传达|传达)[^。；;\\n]{0,60}?精神");

	MeetingRelayCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	Stream<Finding> checkMeeting(DemandSnapshot demand, GateContext context) {
		if (!context.rules().flag(RULE) || demand.relaysParent()) {
			return Stream.empty();
		}
		String parentTitle = demand.details().get("meeting.parent-title");
		String phrase = relayPhrase(demand.details().getOrDefault("meeting.agenda", ""), demand.title(), demand.body());
		if ((parentTitle == null || parentTitle.isBlank()) && phrase == null) {
			return Stream.empty();
		}
		String what = (parentTitle != null && !parentTitle.isBlank()) ? parentTitle.strip() : phrase;
		String evidence = (phrase == null ? "" : "text \"" + phrase + "\"; ")
				+ (parentTitle == null || parentTitle.isBlank() ? ""
						: "parent meeting \"" + parentTitle.strip() + "\"; ")
				+ "recipients " + context.recipients().size() + " ("
				+ String.join(" ", context.recipients().stream().map(Unit::code).limit(5).toList())
				+ (context.recipients().size() > 5 ? " …" : "") + ")";
		return Stream.of(finding(Severity.JUSTIFY, evidence, RULE, context, what, context.recipients().size()));
	}

	static @Nullable String relayPhrase(String... texts) {
		for (String text : List.of(texts)) {
			Matcher m = RELAY.matcher(text);
			if (m.find()) {
				return m.group();
			}
		}
		return null;
	}

}
