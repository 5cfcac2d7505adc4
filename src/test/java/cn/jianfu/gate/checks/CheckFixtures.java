package cn.jianfu.gate.checks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.platform.Bilingual;
import cn.jianfu.platform.WorkingCalendar;

/**
 * Named demands and contexts for testing checks without a database: the rulebook's
 * defaults, the real calendar and messages, 铜梁区民政局 as the issuer.
 */
final class CheckFixtures {

	static final String TONGLIANG = "500151000000";

	static final String BACHUAN = "500151001000";

	/** A Wednesday, a working day well away from holidays. */
	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	static final WorkingCalendar CALENDAR = new WorkingCalendar();

	private CheckFixtures() {
	}

	static Bilingual messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return new Bilingual(source);
	}

	static RuleValues rules() {
		return Rulebook.defaults(TONGLIANG);
	}

	static Builder document() {
		return new Builder(DemandKind.DOCUMENT);
	}

	static Builder demand(DemandKind kind) {
		return new Builder(kind);
	}

	static Unit unit(String code) {
		UnitLevel level = UnitLevel.ofCode(code);
		return new Unit(code, "单位" + code, level, null, "/" + code + "/", null, null);
	}

	static GateContext context(List<String> recipients, @Nullable DemandSnapshot parent, long issuedThisYear,
			long issuedLastYear) {
		return context(rules(), recipients, parent, issuedThisYear, issuedLastYear);
	}

	static GateContext context(RuleValues rules, List<String> recipients, @Nullable DemandSnapshot parent,
			long issuedThisYear, long issuedLastYear) {
		GateContext.History history = (unit, department, kinds, year) -> year == TODAY.getYear() ? issuedThisYear
				: year == TODAY.getYear() - 1 ? issuedLastYear : 0;
		return new GateContext(TODAY, rules, CALENDAR, recipients.stream().map(CheckFixtures::unit).toList(),
				Optional.ofNullable(parent), history);
	}

	static GateContext context() {
		return context(List.of(BACHUAN), null, 0, 10);
	}

	static List<Finding> run(GateCheck check, DemandSnapshot demand, GateContext context) {
		return check.check(demand, context).toList();
	}

	/** Builds a demand snapshot that passes every check unless told otherwise. */
	static final class Builder {

		DemandKind kind;

		String body = "请各街道于月底前报送辖区养老服务设施情况。";

		@Nullable String legalBasis = "《养老机构管理办法》";

		List<String> recipients = new ArrayList<>(List.of(BACHUAN));

		@Nullable LocalDate dueDate = TODAY.plusDays(30);

		@Nullable LocalDate expiresOn;

		@Nullable Long parentId;

		boolean specialTask;

		boolean note;

		boolean relaysParent;

		boolean requiresRelay;

		@Nullable Integer score = 100;

		Builder(DemandKind kind) {
			this.kind = kind;
		}

		Builder length(int characters) {
			this.body = "字".repeat(characters);
			return this;
		}

		Builder special() {
			this.specialTask = true;
			return this;
		}

		Builder note() {
			this.note = true;
			return this;
		}

		Builder due(LocalDate due) {
			this.dueDate = due;
			return this;
		}

		Builder expires(@Nullable LocalDate on) {
			this.expiresOn = on;
			return this;
		}

		Builder legalBasis(@Nullable String basis) {
			this.legalBasis = basis;
			return this;
		}

		Builder score(@Nullable Integer score) {
			this.score = score;
			return this;
		}

		Builder relays(@Nullable Long parentId) {
			this.relaysParent = true;
			this.parentId = parentId;
			return this;
		}

		Builder requiresRelay() {
			this.requiresRelay = true;
			return this;
		}

		Builder recipients(List<String> codes) {
			this.recipients = new ArrayList<>(codes);
			return this;
		}

		DemandSnapshot build() {
			return new DemandSnapshot(1, this.kind, "关于报送养老服务设施情况的通知", this.body, "民政", this.legalBasis, TONGLIANG,
					null, "issuer", this.recipients, this.dueDate, this.expiresOn, this.parentId, this.specialTask,
					this.note, this.relaysParent, this.requiresRelay, this.score, Map.of());
		}

	}

	static String codes(List<Finding> findings) {
		return findings.stream().map(Finding::code).collect(Collectors.joining(","));
	}

}
