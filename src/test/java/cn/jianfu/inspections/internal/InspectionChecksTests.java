package cn.jianfu.inspections.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jianfu.DatabaseTest;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;
import cn.jianfu.platform.WorkingCalendar;

/**
 * The inspection checks at their boundaries, against plans stored in the database. Each
 * test uses a year of its own so that plans of other tests do not count.
 */
@DatabaseTest
class InspectionChecksTests {

	static final String BACHUAN = "500151001000";

	static final String DONGFANG = "500151001001";

	static final String NANCHENG = "500151002000";

	@Autowired
	UserDetailsService accounts;

	@Autowired
	InspectionPlan plan;

	@Autowired
	InspectionPlanCheck planCheck;

	@Autowired
	InspectionComprehensiveCheck comprehensiveCheck;

	@Autowired
	InspectionSimilarCheck similarCheck;

	@Autowired
	InspectionSplitCheck splitCheck;

	@Autowired
	InspectionMaterialsCheck materialsCheck;

	Viewer viewer(String username) {
		return ((Viewer.Signed) this.accounts.loadUserByUsername(username)).viewer();
	}

	Viewer issuer() {
		return viewer("issuer");
	}

	PlanItem item(Viewer viewer, int year, String title, boolean comprehensive, String field, Set<Integer> months,
			List<String> targets) {
		return this.plan.add(viewer, new InspectionPlan.NewItem(year, title, InspectionType.CHECK, comprehensive,
				Set.of(field), months, true, Set.of(Material.LEDGER), targets));
	}

	static DemandSnapshot demand(Viewer issuer, @Nullable Long planItem, int year, boolean comprehensive, String field,
			Set<Integer> months, Set<Material> materials, List<String> targets) {
		InspectionDetails details = new InspectionDetails(planItem, year, InspectionType.CHECK, comprehensive, true,
				Set.of(field), months, materials, null);
		return snapshot(DemandKind.INSPECTION, issuer, targets, details.toDetails());
	}

	static DemandSnapshot snapshot(DemandKind kind, Viewer issuer, List<String> targets, Map<String, String> details) {
		return new DemandSnapshot(-1, kind, "检查", "检查说明", null, null, issuer.unitCode(), issuer.departmentId(),
				issuer.username(), targets, LocalDate.of(2026, 12, 20), null, null, false, false, false, false, null,
				details);
	}

	static GateContext context() {
		return new GateContext(LocalDate.of(2026, 11, 25), Rulebook.defaults("500151000000"), new WorkingCalendar(),
				List.of(), Optional.empty(), (unit, department, kinds, year) -> 0);
	}

	static List<Finding> run(GateCheck check, DemandSnapshot demand) {
		return check.check(demand, context()).toList();
	}

	@Test
	void asksToJustifyAnInspectionOutsideThePlanOnly() {
		Viewer issuer = issuer();
		PlanItem item = item(issuer, 2041, "养老机构年度检查", false, "养老", Set.of(5), List.of(BACHUAN));
		assertThat(run(this.planCheck, demand(issuer, null, 2041, false, "养老", Set.of(5), Set.of(), List.of(BACHUAN))))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.messageZh()).contains("一事一报");
				assertThat(f.rule().document()).contains("若干规定");
			});
		assertThat(run(this.planCheck,
				demand(issuer, item.id(), 2041, false, "养老", Set.of(5), Set.of(), List.of(BACHUAN))))
			.isEmpty();
		assertThat(run(this.planCheck,
				demand(issuer, item.id(), 2042, false, "养老", Set.of(5), Set.of(), List.of(BACHUAN))))
			.as("an item of another year")
			.hasSize(1);
		Viewer township = viewer("township");
		assertThat(run(this.planCheck,
				demand(township, item.id(), 2041, false, "养老", Set.of(5), Set.of(), List.of(DONGFANG))))
			.as("another issuer's item")
			.hasSize(1);
	}

	@Test
	void blocksASecondComprehensiveInspectionOfADepartmentInAYear() {
		Viewer issuer = issuer();
		PlanItem first = item(issuer, 2043, "民政综合考核", true, "民政", Set.of(9), List.of(BACHUAN));
		assertThat(run(this.comprehensiveCheck,
				demand(issuer, first.id(), 2043, true, "民政", Set.of(9), Set.of(), List.of(BACHUAN))))
			.as("the planned comprehensive item itself")
			.isEmpty();
		assertThat(run(this.comprehensiveCheck,
				demand(issuer, null, 2043, true, "民政", Set.of(10), Set.of(), List.of(BACHUAN))))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.BLOCK);
				assertThat(f.evidence()).contains("plan items=1").contains("max=1");
			});
		assertThat(run(this.comprehensiveCheck,
				demand(issuer, null, 2043, false, "民政", Set.of(10), Set.of(), List.of(BACHUAN))))
			.as("a non-comprehensive one")
			.isEmpty();
		assertThat(run(this.comprehensiveCheck,
				demand(issuer, null, 2044, true, "民政", Set.of(10), Set.of(), List.of(BACHUAN))))
			.as("the first comprehensive one of another year")
			.isEmpty();
		assertThatExceptionOfType(Problem.class)
			.isThrownBy(() -> item(issuer, 2043, "第二项综合考核", true, "民政", Set.of(11), List.of(BACHUAN)))
			.satisfies(p -> assertThat(p.code()).isEqualTo("inspections.comprehensive-limit"));
	}

	@Test
	void proposesMergingWithAnotherIssuersItemOnTheSameTargetsWithinTheWindow() {
		Viewer issuer = issuer();
		PlanItem township = item(viewer("township"), 2045, "社区养老服务检查", false, "养老", Set.of(6), List.of(DONGFANG));
		List<Finding> findings = run(this.similarCheck,
				demand(issuer, null, 2045, false, "养老", Set.of(5), Set.of(), List.of(BACHUAN)));
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
			assertThat(f.evidence()).contains("#" + township.id()).contains("社区养老服务检查");
			assertThat(f.messageZh()).contains("合并");
		});
		assertThat(
				run(this.similarCheck, demand(issuer, null, 2045, false, "养老", Set.of(4), Set.of(), List.of(BACHUAN))))
			.as("two months apart")
			.isEmpty();
		assertThat(run(this.similarCheck,
				demand(issuer, null, 2045, false, "安全生产", Set.of(6), Set.of(), List.of(BACHUAN))))
			.as("an unrelated field")
			.isEmpty();
		assertThat(
				run(this.similarCheck, demand(issuer, null, 2045, false, "养老", Set.of(6), Set.of(), List.of(NANCHENG))))
			.as("other targets")
			.isEmpty();
	}

	@Test
	void asksToJustifyOneFieldSplitIntoSeveralItemsOnTheSameTargets() {
		Viewer issuer = issuer();
		PlanItem fire = item(issuer, 2046, "养老机构消防检查", false, "养老", Set.of(3), List.of(BACHUAN));
		assertThat(run(this.splitCheck,
				demand(issuer, fire.id(), 2046, false, "养老", Set.of(3), Set.of(), List.of(BACHUAN))))
			.as("one item in the field")
			.isEmpty();
		item(issuer, 2046, "养老机构食品检查", false, "养老", Set.of(7), List.of(BACHUAN));
		item(issuer, 2046, "低保核查", false, "社会救助", Set.of(7), List.of(BACHUAN));
		assertThat(run(this.splitCheck,
				demand(issuer, fire.id(), 2046, false, "养老", Set.of(3), Set.of(), List.of(BACHUAN))))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.evidence()).contains("养老机构食品检查").doesNotContain("低保核查");
			});
		assertThat(run(this.splitCheck,
				demand(issuer, fire.id(), 2046, false, "养老", Set.of(3), Set.of(), List.of(NANCHENG))))
			.as("other targets")
			.isEmpty();
	}

	@Test
	void asksToJustifyPhotosMinutesDocumentCountsAndStudyNotes() {
		Viewer issuer = issuer();
		assertThat(run(this.materialsCheck, demand(issuer, null, 2047, false, "养老", Set.of(3),
				Set.of(Material.LEDGER, Material.STATISTICS), List.of(BACHUAN))))
			.isEmpty();
		for (Material trace : List.of(Material.PHOTOS, Material.MEETING_MINUTES, Material.DOCUMENT_COUNTS,
				Material.STUDY_NOTES)) {
			assertThat(run(this.materialsCheck,
					demand(issuer, null, 2047, false, "养老", Set.of(3), Set.of(trace), List.of(BACHUAN))))
				.singleElement()
				.satisfies(f -> {
					assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
					assertThat(f.evidence()).contains(trace.key());
					assertThat(f.rule().article()).contains("留痕");
				});
		}
		assertThat(
				run(this.materialsCheck,
						demand(issuer, null, 2047, false, "养老", Set.of(3),
								Set.of(Material.PHOTOS, Material.STUDY_NOTES), List.of(BACHUAN))))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.messageZh()).contains("照片").contains("学习笔记");
				assertThat(f.messageEn()).contains("photos").contains("study notes");
			});
	}

	@Test
	void leavesOtherKindsAlone() {
		Viewer issuer = issuer();
		DemandSnapshot document = snapshot(DemandKind.DOCUMENT, issuer, List.of(BACHUAN),
				Map.of("inspection.materials", "photos", "inspection.comprehensive", "true"));
		for (GateCheck check : List.of(this.planCheck, this.comprehensiveCheck, this.similarCheck, this.splitCheck,
				this.materialsCheck)) {
			assertThat(run(check, document)).isEmpty();
		}
	}

}
