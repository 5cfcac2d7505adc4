package cn.jianfu.inspections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;

/**
 * Preparation days come from the materials checklist, hosting days from the on-site flag,
 * staff from the demand or the rulebook.
 */
class InspectionEstimatorTests {

	static final InspectionEstimator ESTIMATOR = new InspectionEstimator(messages());

	static final Unit BACHUAN = new Unit("500151001000", "巴川街道", UnitLevel.TOWNSHIP, "500151000000", "/500151001000/",
			null, null);

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages", "i18n/inspections");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static DemandSnapshot inspection(Map<String, String> details) {
		return new DemandSnapshot(1, DemandKind.INSPECTION, "检查", "检查", null, null, "500151000000", null, "issuer",
				List.of(BACHUAN.code()), LocalDate.of(2026, 12, 1), null, null, false, false, false, false, null,
				details);
	}

	@Test
	void addsTheDaysOfEachMaterialAndTheVisitTimesStaff() {
		InspectionDetails details = new InspectionDetails(null, 2026, InspectionType.CHECK, false, true, Set.of("养老"),
				Set.of(3), Set.of(Material.LEDGER, Material.STATISTICS), null);
		var estimate = ESTIMATOR.estimate(inspection(details.toDetails()), BACHUAN, Rulebook.defaults(BACHUAN.code()));
		// (2 + 1 + 0.5) days × 8 h × 2 staff
		assertThat(estimate.hours()).isEqualByComparingTo(new BigDecimal("56"));
		assertThat(estimate.explanationZh()).contains("台账 2 天").contains("实地接待 0.5 天").contains("2 人");
		assertThat(estimate.explanationEn()).contains("ledgers 2 d").contains("2 staff");
	}

	@Test
	void usesTheDefaultPreparationWithoutAChecklistAndTheGivenStaff() {
		InspectionDetails details = new InspectionDetails(null, 2026, InspectionType.RESEARCH, false, false,
				Set.of("养老"), Set.of(3), Set.of(), 1);
		var estimate = ESTIMATOR.estimate(inspection(details.toDetails()), BACHUAN, Rulebook.defaults(BACHUAN.code()));
		// 2 default days × 8 h × 1 staff, remote
		assertThat(estimate.hours()).isEqualByComparingTo(new BigDecimal("16"));
		assertThat(estimate.explanationEn()).contains("default preparation");
	}

}
