package cn.jianfu.gate.checks;

import static cn.jianfu.gate.checks.CheckFixtures.TODAY;
import static cn.jianfu.gate.checks.CheckFixtures.context;
import static cn.jianfu.gate.checks.CheckFixtures.demand;
import static cn.jianfu.gate.checks.CheckFixtures.messages;
import static cn.jianfu.gate.checks.CheckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Severity;

class SunsetCheckTests {

	SunsetCheck check = new SunsetCheck(messages());

	@Test
	void passesADataRequestExpiringExactlyThreeYearsAhead() {
		assertThat(run(this.check, demand(DemandKind.DATA_REQUEST).expires(TODAY.plusYears(3)).build(), context()))
			.isEmpty();
	}

	@Test
	void asksToJustifyAnAppExpiringLaterCitingTheRule() {
		assertThat(run(this.check, demand(DemandKind.APP).expires(TODAY.plusYears(3).plusDays(1)).build(), context()))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.code()).isEqualTo("sunset");
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.rule().article()).isEqualTo("有效期");
				assertThat(f.evidence()).contains("latest allowed=2029-11-25");
			});
	}

	@Test
	void asksToJustifyADataRequestWithoutExpiryButNotADocument() {
		assertThat(run(this.check, demand(DemandKind.DATA_REQUEST).expires(null).build(), context())).singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains("expiresOn=none"));
		assertThat(run(this.check, demand(DemandKind.DOCUMENT).expires(null).build(), context())).isEmpty();
	}

}
