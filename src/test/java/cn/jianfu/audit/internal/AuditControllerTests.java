package cn.jianfu.audit.internal;

import org.junit.jupiter.api.Test;

import cn.jianfu.audit.Verification;

import static org.assertj.core.api.Assertions.assertThat;

class AuditControllerTests {

	@Test
	void showsAnIntactChainWithoutATamperedRow() {
		var view = AuditController.VerificationView.of(new Verification(12, null, "intact"));
		assertThat(view.intact()).isTrue();
		assertThat(view.rowsChecked()).isEqualTo(12);
		assertThat(view.firstTamperedSeq()).isNull();
	}

	@Test
	void showsTheFirstTamperedRowAndWhy() {
		var view = AuditController.VerificationView.of(new Verification(4, 5L, "row 5 was changed"));
		assertThat(view.intact()).isFalse();
		assertThat(view.firstTamperedSeq()).isEqualTo(5L);
		assertThat(view.reason()).isEqualTo("row 5 was changed");
	}

}
