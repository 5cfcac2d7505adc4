package cn.jianfu.gate.checks;

import static cn.jianfu.gate.checks.CheckFixtures.context;
import static cn.jianfu.gate.checks.CheckFixtures.demand;
import static cn.jianfu.gate.checks.CheckFixtures.document;
import static cn.jianfu.gate.checks.CheckFixtures.messages;
import static cn.jianfu.gate.checks.CheckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Severity;

class CascadeCheckTests {

	static final List<String> TOWNSHIPS = List.of("500151001000", "500151002000", "500151003000");

	CascadeCheck check = new CascadeCheck(messages());

	DemandSnapshot cityParent(boolean requiresRelay) {
		CheckFixtures.Builder parent = document().recipients(List.of("500151000000", "500154000000"));
		return (requiresRelay ? parent.requiresRelay() : parent).build();
	}

	@Test
	void passesARelayThatTheParentRequires() {
		assertThat(run(this.check, document().relays(7L).recipients(TOWNSHIPS).build(),
				context(TOWNSHIPS, cityParent(true), 0, 10)))
			.isEmpty();
	}

	@Test
	void passesADemandThatRelaysNothing() {
		assertThat(run(this.check, document().build(), context(TOWNSHIPS, cityParent(false), 0, 10))).isEmpty();
	}

	@Test
	void asksToJustifyASupportingDocumentTheParentDidNotAskForWithTheFanOut() {
		assertThat(run(this.check, document().relays(7L).recipients(TOWNSHIPS).build(),
				context(TOWNSHIPS, cityParent(false), 0, 10)))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.code()).isEqualTo("cascade.relay");
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.rule().article()).contains("加强评估审查");
				assertThat(f.evidence()).contains("fan-out township=3", "its fan-out county=2");
			});
	}

	@Test
	void citesTheNoRelayingMeetingsRuleForAMeetingWithoutParent() {
		assertThat(run(this.check, demand(DemandKind.MEETING).relays(null).recipients(TOWNSHIPS).build(),
				context(TOWNSHIPS, null, 0, 10)))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.rule().document()).contains("中办发〔2019〕16号");
				assertThat(f.evidence()).contains("no parent demand");
			});
	}

}
