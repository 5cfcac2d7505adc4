package cn.jianfu.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class AuditEventTests {

	@Test
	void cutsOverlongTextToItsColumnWithAMark() {
		AuditEvent event = new AuditEvent("a".repeat(1000), AuditTypes.LOGIN_FAILURE, AuditResult.FAILURE,
				"o".repeat(1000), "d".repeat(5000));
		assertThat(event.account()).hasSize(AuditEvent.ACCOUNT_LENGTH).endsWith("…");
		assertThat(event.object()).hasSize(AuditEvent.OBJECT_LENGTH).endsWith("…");
		assertThat(event.detail()).hasSize(AuditEvent.DETAIL_LENGTH).endsWith("…");
	}

	@Test
	void neverCutsBetweenTheHalvesOfASurrogatePair() {
		String account = "a".repeat(AuditEvent.ACCOUNT_LENGTH - 2) + "😀😀";
		String cut = new AuditEvent(account, AuditTypes.LOGOUT, AuditResult.SUCCESS, "", "").account();
		assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
	}

	@Test
	void acceptsTheFoundationsTypeCodes() {
		for (String type : new String[] { AuditTypes.LOGIN_SUCCESS, AuditTypes.LOGIN_FAILURE, AuditTypes.LOGIN_LOCKED,
				AuditTypes.LOGOUT, AuditTypes.ACCESS_DENIED, AuditTypes.ACCOUNT_ROLES_CHANGED, AuditTypes.TOKEN_CREATED,
				AuditTypes.TOKEN_REVOKED, AuditTypes.UNITS_IMPORTED, AuditTypes.EXPORT, AuditTypes.RULEBOOK_CHANGED,
				AuditTypes.BENCHMARK }) {
			assertThat(new AuditEvent(AuditTypes.SYSTEM, type, AuditResult.SUCCESS, "", "").type()).isEqualTo(type);
		}
	}

	@Test
	void rejectsTypesThatAreNotDottedCodes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditEvent("x", "Login Success", AuditResult.SUCCESS, "", ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditEvent("x", "login..success", AuditResult.SUCCESS, "", ""));
		assertThatNullPointerException().isThrownBy(() -> new AuditEvent("x", "logout", null, "", ""));
	}

}
