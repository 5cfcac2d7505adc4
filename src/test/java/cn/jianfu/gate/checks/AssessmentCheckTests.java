package cn.jianfu.gate.checks;

import static cn.jianfu.gate.checks.CheckFixtures.context;
import static cn.jianfu.gate.checks.CheckFixtures.document;
import static cn.jianfu.gate.checks.CheckFixtures.messages;
import static cn.jianfu.gate.checks.CheckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.Severity;

class AssessmentCheckTests {

	AssessmentCheck check = new AssessmentCheck(messages());

	@Test
	void passesAScoreAtTheMinimum() {
		assertThat(run(this.check, document().score(60).build(), context())).isEmpty();
	}

	@Test
	void asksToJustifyAScoreBelowTheMinimumCitingTheRule() {
		assertThat(run(this.check, document().score(59).build(), context())).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("assessment");
			assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
			assertThat(f.rule().article()).contains("加强评估审查");
			assertThat(f.evidence()).isEqualTo("score=59, minimum=60");
		});
	}

	@Test
	void asksToJustifyAMissingAssessment() {
		assertThat(run(this.check, document().score(null).build(), context())).singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains("score=none"));
	}

}
