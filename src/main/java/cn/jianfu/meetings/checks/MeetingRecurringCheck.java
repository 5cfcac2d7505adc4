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
import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * A mandate on recipients to hold meetings at fixed intervals ("每月召开一次专题会议", "每季度至少召开一次",
 * "每周召开例会"), in a demand of any kind (such mandates come in documents most of all), needs
 * a justification.
 */
@Component
class MeetingRecurringCheck implements GateCheck {

	static final String CODE = "meeting.recurring";

	static final String RULE = "meeting.no-recurring-mandate";

	static final Pattern RECURRING = Pattern
		.compile("每(?:周|月|季度|季|半年|年)(?:至少|定期|都|均|须|要)?(?:召开|组织召开|举行|开展)[^。；;\\n]{0,12}?(?:一次|会议|例会|专题会|座谈会|学习会)");

	private final Bilingual messages;

	MeetingRecurringCheck(Bilingual messages) {
		this.messages = messages;
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public RuleRef rule() {
		return Rulebook.source(RULE);
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		if (!context.rules().flag(RULE)) {
			return Stream.empty();
		}
		String phrase = phrase(demand.title(), demand.body(), demand.details().getOrDefault("meeting.agenda", ""));
		if (phrase == null) {
			return Stream.empty();
		}
		Bilingual.Text text = this.messages.text("check." + CODE + ".finding", phrase);
		return Stream.of(new Finding(CODE, Severity.JUSTIFY, text.zh(), text.en(), "text \"" + phrase + "\"",
				context.rules().source(RULE)));
	}

	static @Nullable String phrase(String... texts) {
		for (String text : List.of(texts)) {
			Matcher m = RECURRING.matcher(text);
			if (m.find()) {
				return m.group();
			}
		}
		return null;
	}

}
