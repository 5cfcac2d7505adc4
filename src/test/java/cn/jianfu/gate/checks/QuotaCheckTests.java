package cn.jianfu.gate.checks;

import static cn.jianfu.gate.checks.CheckFixtures.BACHUAN;
import static cn.jianfu.gate.checks.CheckFixtures.context;
import static cn.jianfu.gate.checks.CheckFixtures.document;
import static cn.jianfu.gate.checks.CheckFixtures.messages;
import static cn.jianfu.gate.checks.CheckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.Severity;

class QuotaCheckTests {

	QuotaCheck check = new QuotaCheck(messages());

	@Test
	void passesWhileThisYearIsBelowLastYear() {
		assertThat(run(this.check, document().build(), context(List.of(BACHUAN), null, 11, 12))).isEmpty();
	}

	@Test
	void asksToJustifyTheDemandThatWouldExceedLastYear() {
		assertThat(run(this.check, document().build(), context(List.of(BACHUAN), null, 12, 12))).singleElement()
			.satisfies(f -> {
				assertThat(f.code()).isEqualTo("quota.yearly");
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.rule().document()).contains("整治形式主义为基层减负若干规定");
				assertThat(f.rule().article()).contains("严控文件数量");
				assertThat(f.evidence()).contains("issued 2026=12", "issued 2025=12");
			});
	}

	@Test
	void countsWhiteHeaderNoteAgainstQuota() {
		assertThat(run(this.check, document().note().build(), context(List.of(BACHUAN), null, 13, 12))).singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains("note counts as a document"));
	}

}
