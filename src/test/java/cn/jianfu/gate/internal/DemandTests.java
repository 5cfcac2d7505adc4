package cn.jianfu.gate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.DemandApproved;
import cn.jianfu.gate.DemandExpired;
import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandJustified;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandReturned;
import cn.jianfu.gate.DemandSubmitted;
import cn.jianfu.gate.DemandWithdrawn;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Problem;

class DemandTests {

	static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

	static final RuleRef RULE = new RuleRef("《整治形式主义为基层减负若干规定》", "一、2");

	static Demand draft() {
		Demand demand = Demand.draft(
				new Demand.Issuer("500151000000", "/500000000000/500100000000/500151000000/", null, "issuer"),
				content("标题"), NOW);
		demand.saved(new DemandId(42), 0);
		return demand;
	}

	static Demand.Content content(String title) {
		return new Demand.Content(DemandKind.DOCUMENT, title, "正文", null, null,
				Recipients.explicit(List.of("500151001000")), LocalDate.of(2026, 12, 31), null, null, null, false,
				false, false, false, null, Map.of());
	}

	static Finding finding(String code, Severity severity) {
		return new Finding(code, severity, "中文", "English", "evidence", RULE);
	}

	static Demand submitted(Severity... severities) {
		Demand demand = draft();
		demand.submit(List.of("500151001000"), NOW);
		demand.decide(java.util.Arrays.stream(severities).map(s -> finding("check." + s, s)).toList());
		return demand;
	}

	@Test
	void aCleanSubmissionIsAdmittedAndCanBeIssued() {
		Demand demand = submitted(Severity.WARN, Severity.INFO);
		assertThat(demand.status()).isEqualTo(DemandStatus.ADMITTED);
		assertThat(demand.verdict()).isEqualTo(Severity.WARN);
		demand.issue("JF-500151-2026-000001", NOW);
		assertThat(demand.status()).isEqualTo(DemandStatus.ISSUED);
		assertThat(demand.takeEvents()).hasSize(2).last().isInstanceOfSatisfying(DemandIssued.class, e -> {
			assertThat(e.gateNumber()).isEqualTo("JF-500151-2026-000001");
			assertThat(e.demand().recipientUnitCodes()).containsExactly("500151001000");
		});
	}

	@Test
	void aBlockReturnsTheDemandForEditing() {
		Demand demand = submitted(Severity.JUSTIFY, Severity.BLOCK);
		assertThat(demand.status()).isEqualTo(DemandStatus.RETURNED);
		assertThat(demand.takeEvents()).hasExactlyElementsOfTypes(DemandSubmitted.class, DemandReturned.class);
		demand.edit(content("改过的标题"), NOW);
		assertThat(demand.content().title()).isEqualTo("改过的标题");
	}

	@Test
	void everyJustifyFindingMustBeAnsweredBeforeTheGatekeeperDecides() {
		Demand demand = submitted(Severity.JUSTIFY, Severity.WARN);
		assertThat(demand.status()).isEqualTo(DemandStatus.NEEDS_JUSTIFICATION);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> demand.approve("gatekeeper", null, NOW));
		assertThatExceptionOfType(Problem.class).isThrownBy(() -> demand.justify(Map.of("check.JUSTIFY", " "), NOW))
			.satisfies(p -> assertThat(p.code()).isEqualTo("demand.justification.missing"));
		demand.justify(Map.of("check.JUSTIFY", "专项整治，确需本月完成"), NOW);
		assertThat(demand.status()).isEqualTo(DemandStatus.JUSTIFIED);
		assertThat(demand.findings().get(0).justification()).isEqualTo("专项整治，确需本月完成");
		demand.approve("gatekeeper", "同意", NOW);
		assertThat(demand.status()).isEqualTo(DemandStatus.APPROVED);
		assertThat(demand.takeEvents()).hasExactlyElementsOfTypes(DemandSubmitted.class, DemandJustified.class,
				DemandApproved.class);
	}

	@Test
	void aRejectionNeedsAReasonAndEndsTheDemand() {
		Demand demand = submitted(Severity.JUSTIFY);
		demand.justify(Map.of("check.JUSTIFY", "理由"), NOW);
		assertThatExceptionOfType(Problem.class).isThrownBy(() -> demand.reject("gatekeeper", "", NOW));
		demand.reject("gatekeeper", "可与已有报表合并", NOW);
		assertThat(demand.status()).isEqualTo(DemandStatus.REJECTED);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> demand.issue("JF-500151-2026-000002", NOW));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> demand.withdraw(NOW));
	}

	@Test
	void wrongStatesThrow() {
		Demand draft = draft();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> draft.issue("JF", NOW));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> draft.justify(Map.of(), NOW));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> draft.decide(List.of()));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> draft.close(NOW));
		Demand admitted = submitted();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> admitted.edit(content("晚了"), NOW));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> admitted.submit(List.of("500151001000"), NOW));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> admitted.reject("gatekeeper", "不行", NOW));
	}

	@Test
	void anIssuedDemandCanBeClosedOrWithdrawnButNotBoth() {
		Demand demand = submitted();
		demand.issue("JF-500151-2026-000003", NOW);
		demand.withdraw(NOW);
		assertThat(demand.status()).isEqualTo(DemandStatus.WITHDRAWN);
		assertThat(demand.takeEvents()).last().isInstanceOf(DemandWithdrawn.class);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> demand.close(NOW));
	}

	static Demand issuedExpiringOn(LocalDate expiresOn) {
		Demand demand = Demand.draft(
				new Demand.Issuer("500151000000", "/500000000000/500100000000/500151000000/", null, "issuer"),
				new Demand.Content(DemandKind.DATA_REQUEST, "名单", "正文", null, null,
						Recipients.explicit(List.of("500151001000")), LocalDate.of(2026, 12, 31), null, expiresOn, null,
						false, false, false, false, null, Map.of()),
				NOW);
		demand.saved(new DemandId(43), 0);
		demand.submit(List.of("500151001000"), NOW);
		demand.decide(List.of());
		demand.issue("JF-500151-2026-000043", NOW);
		demand.takeEvents();
		return demand;
	}

	@Test
	void anIssuedDemandPastItsSunsetExpires() {
		Demand demand = issuedExpiringOn(LocalDate.of(2026, 11, 24));
		LocalDate today = LocalDate.of(2026, 11, 25);
		assertThat(demand.expiresBefore(today)).isTrue();
		demand.expire(today, NOW);
		assertThat(demand.status()).isEqualTo(DemandStatus.EXPIRED);
		assertThat(demand.closable()).isFalse();
		assertThat(demand.takeEvents()).singleElement()
			.isEqualTo(new DemandExpired(43, "JF-500151-2026-000043", today));
		assertThat(demand.expiresBefore(today)).isFalse();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> demand.expire(today, NOW));
	}

	@Test
	void aDemandExpiresOnlyWhenIssuedAndPastItsSunset() {
		LocalDate today = LocalDate.of(2026, 11, 25);
		Demand onItsLastDay = issuedExpiringOn(today);
		assertThat(onItsLastDay.expiresBefore(today)).isFalse();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> onItsLastDay.expire(today, NOW));
		assertThat(onItsLastDay.status()).isEqualTo(DemandStatus.ISSUED);
		Demand withoutSunset = issuedExpiringOn(null);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> withoutSunset.expire(today, NOW));
		Demand closed = issuedExpiringOn(LocalDate.of(2026, 1, 1));
		closed.close(NOW);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> closed.expire(today, NOW));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> draft().expire(today, NOW));
		assertThat(closed.status()).isEqualTo(DemandStatus.CLOSED);
	}

}
