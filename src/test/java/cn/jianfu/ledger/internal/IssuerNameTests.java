package cn.jianfu.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the dashboards name an issuing department under its unit. */
class IssuerNameTests {

	@Test
	void aDepartmentNamedAfterItsUnitsLevelDoesNotRepeatTheLevel() {
		assertThat(Dashboards.qualified("铜梁区", "区民政局")).isEqualTo("铜梁区民政局");
		assertThat(Dashboards.qualified("铜梁区", "区委办公室")).isEqualTo("铜梁区委办公室");
	}

	@Test
	void aDepartmentWithAnotherNameFollowsItsUnitsNameWhole() {
		assertThat(Dashboards.qualified("巴川街道", "党政办")).isEqualTo("巴川街道党政办");
		assertThat(Dashboards.qualified("铜梁区", "")).isEqualTo("铜梁区");
	}

}
