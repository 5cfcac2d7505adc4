package cn.jianfu.gate.checks;

import static cn.jianfu.gate.checks.CheckFixtures.context;
import static cn.jianfu.gate.checks.CheckFixtures.document;
import static cn.jianfu.gate.checks.CheckFixtures.messages;
import static cn.jianfu.gate.checks.CheckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.Severity;

class LegalBasisCheckTests {

	LegalBasisCheck check = new LegalBasisCheck(messages());

	@Test
	void passesADemandWithALegalBasis() {
		assertThat(run(this.check, document().build(), context())).isEmpty();
	}

	@Test
	void warnsWhenTheLegalBasisIsOnlyWhitespace() {
		assertThat(run(this.check, document().legalBasis("  ").build(), context())).singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARN));
	}

	@Test
	void warnsWithoutLegalBasisCitingTheReviewRule() {
		assertThat(run(this.check, document().legalBasis(null).build(), context())).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("legal-basis");
			assertThat(f.severity()).isEqualTo(Severity.WARN);
			assertThat(f.rule().article()).contains("加强评估审查");
			assertThat(f.messageZh()).isEqualTo("未写明依据");
		});
	}

}
