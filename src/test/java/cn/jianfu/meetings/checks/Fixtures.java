package cn.jianfu.meetings.checks;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.platform.Bilingual;
import cn.jianfu.platform.WorkingCalendar;

/**
 * Meeting demands and contexts for testing the meeting checks without a database: the
 * rulebook's defaults, the real messages, 铜梁区 as the issuer, 巴川街道 as the recipient.
 */
final class Fixtures {

	static final String TONGLIANG = "500151000000";

	static final String BACHUAN = "500151001000";

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	private Fixtures() {
	}

	static Bilingual messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages", "i18n/meetings");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return new Bilingual(source);
	}

	static RuleValues rules() {
		return Rulebook.defaults(TONGLIANG);
	}

	/** The defaults with some values changed. */
	static RuleValues rules(Map<String, String> changes) {
		Map<String, RuleValues.Value> values = new HashMap<>();
		for (RuleValues.Value value : rules().all()) {
			String changed = changes.get(value.definition().key());
			values.put(value.definition().key(),
					changed == null ? value : new RuleValues.Value(value.definition(), changed, TONGLIANG));
		}
		return new RuleValues(TONGLIANG, values);
	}

	static GateContext context() {
		return context(rules(), null);
	}

	static GateContext context(RuleValues rules, @Nullable DemandSnapshot parent) {
		Unit bachuan = new Unit(BACHUAN, "巴川街道", UnitLevel.TOWNSHIP, TONGLIANG, "/" + TONGLIANG + "/" + BACHUAN + "/",
				null, null);
		return new GateContext(TODAY, rules, new WorkingCalendar(), List.of(bachuan), Optional.ofNullable(parent),
				(unit, department, kinds, year) -> 0);
	}

	/**
	 * A meeting that passes every meeting check: in the plan, video, a Tuesday in the
	 * second week, two hours, a 30-minute main speech, convened by the principal.
	 */
	static Builder meeting() {
		return new Builder();
	}

	static final class Builder {

		DemandKind kind = DemandKind.MEETING;

		String title = "全区养老服务工作推进会";

		String body = "请各街道分管负责同志参加。";

		boolean relaysParent;

		@Nullable Long parentId;

		final Map<String, String> details = new HashMap<>(Map.ofEntries(Map.entry("meeting.mode", "video"),
				Map.entry("meeting.comprehensive", "false"), Map.entry("meeting.in-plan", "true"),
				Map.entry("meeting.plan-entry", "1"), Map.entry("meeting.start", "2026-12-08T09:00"),
				Map.entry("meeting.end", "2026-12-08T11:00"), Map.entry("meeting.year", "2026"),
				Map.entry("meeting.minutes", "120"), Map.entry("meeting.discussion-minutes", "0"),
				Map.entry("meeting.main-speech-minutes", "30"), Map.entry("meeting.attendance.principal", "0"),
				Map.entry("meeting.attendance.deputy", "1"), Map.entry("meeting.attendance.staff", "1"),
				Map.entry("meeting.attendees", "2"), Map.entry("meeting.convener", "principal"),
				Map.entry("meeting.agenda", "通报全区养老服务工作进展\n部署下一阶段工作")));

		Builder set(String key, String value) {
			this.details.put(key, value);
			return this;
		}

		Builder remove(String key) {
			this.details.remove(key);
			return this;
		}

		Builder kind(DemandKind kind) {
			this.kind = kind;
			return this;
		}

		Builder title(String title) {
			this.title = title;
			return this;
		}

		Builder body(String body) {
			this.body = body;
			return this;
		}

		Builder relaysParent(long parentId) {
			this.relaysParent = true;
			this.parentId = parentId;
			return this;
		}

		DemandSnapshot build() {
			return new DemandSnapshot(7, this.kind, this.title, this.body, "民政", null, TONGLIANG, null, "issuer",
					List.of(BACHUAN), LocalDate.of(2026, 12, 8), null, this.parentId, false, false, this.relaysParent,
					false, 100, this.details);
		}

	}

}
