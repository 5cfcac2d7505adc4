package cn.jianfu.duties.internal;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jianfu.DatabaseTest;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.Unit;
import cn.jianfu.platform.WorkingCalendar;

/**
 * The list checks at their boundaries, on lists of 东城街道 and two of its villages (units no
 * other test gives a list): a field or task on the list passes, one missing, needing
 * approval or on the negative list names the recipient, a taken-back item or a
 * certificate outside the list blocks, a recipient without a list is not judged.
 */
@DatabaseTest
class ListChecksTests {

	static final String DONGCHENG = "500151002000";

	static final String VILLAGE_LISTED = "500151002001";

	static final String VILLAGE_UNLISTED = "500151002003";

	static final String FEW_CERTIFICATES = "500151002002";

	@Autowired
	DutyLists lists;

	@Autowired
	UnitDirectory units;

	@Autowired
	List<GateCheck> checks;

	@BeforeEach
	void lists() {
		DutyLists.Approval approval = new DutyLists.Approval("东城街道党工委", "测试");
		this.lists.replace(
				new DutyList(DONGCHENG, ListKind.DUTY,
						List.of(item("DC-1", "低保入户调查", Category.BASIC, "民政"),
								item("DC-2", "森林防灭火", Category.COORDINATION, "应急"),
								item("DC-3", "建设工程质量安全监督检查", Category.TAKEN_BACK, "住房城乡建设")),
						List.of()),
				"test", approval);
		this.lists.replace(
				new DutyList(VILLAGE_LISTED, ListKind.ADMISSION,
						List.of(item("V-1", "协助低保入户核查", Category.ALLOWED, "民政"),
								item("V-2", "房屋安全信息报告", Category.NEEDS_APPROVAL, "住房城乡建设"),
								item("V-3", "招商引资任务", Category.NEGATIVE, "招商引资")),
						List.of("家庭经济状况证明", "居住情况证明")),
				"test", approval);
		this.lists.replace(new DutyList(FEW_CERTIFICATES, ListKind.ADMISSION,
				List.of(item("V-1", "协助低保入户核查", Category.ALLOWED, "民政")), List.of("居住情况证明")), "test", approval);
	}

	@Test
	void aFieldOnEveryListPasses() {
		assertThat(run("duties.off-list", DemandKind.DOCUMENT, "民政", Map.of(), DONGCHENG, VILLAGE_LISTED)).isEmpty();
	}

	@Test
	void namesTheRecipientsWhoseListLacksTheFieldAndAsksForJustification() {
		List<Finding> findings = run("duties.off-list", DemandKind.DOCUMENT, "统计", Map.of(), DONGCHENG, VILLAGE_LISTED,
				VILLAGE_UNLISTED);
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
			assertThat(f.messageZh()).contains("2 个接收单位").contains("东城街道");
			assertThat(f.evidence()).contains(DONGCHENG).contains(VILLAGE_LISTED).doesNotContain(VILLAGE_UNLISTED);
			assertThat(f.rule().document()).contains("厅字〔2022〕28号");
		});
	}

	@Test
	void aMeetingOutsideTheListsGetsTheBystanderWarning() {
		List<Finding> findings = run("duties.off-list", DemandKind.MEETING, "统计", Map.of(), DONGCHENG);
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.WARN);
			assertThat(f.messageZh()).contains("陪会");
			assertThat(f.messageEn()).contains("bystanders");
		});
	}

	@Test
	void theRulebookTurnsTheWarningIntoAJustification() {
		RuleValues rules = override(Rulebook.defaults(DONGCHENG), "duties.off-list.justify.meeting", "true");
		assertThat(run(rules, "duties.off-list", DemandKind.MEETING, "统计", Map.of(), DONGCHENG))
			.extracting(Finding::severity)
			.containsExactly(Severity.JUSTIFY);
	}

	@Test
	void aFieldNeedingApprovalOrOnTheNegativeListIsOutside() {
		assertThat(run("duties.off-list", DemandKind.DOCUMENT, "住房城乡建设", Map.of(), VILLAGE_LISTED)).singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains("须经审批").contains("with approval"));
		assertThat(run("duties.off-list", DemandKind.DATA_REQUEST, "招商引资", Map.of(), VILLAGE_LISTED)).singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains("负面清单").contains("negative list"));
	}

	@Test
	void aTaskIsReadByItsNumberOrName() {
		assertThat(run("duties.off-list", DemandKind.DOCUMENT, null, Map.of("duties.item", "DC-1"), DONGCHENG))
			.isEmpty();
		assertThat(run("duties.off-list", DemandKind.DOCUMENT, null, Map.of("duties.item", "森林防灭火"), DONGCHENG))
			.isEmpty();
		assertThat(run("duties.off-list", DemandKind.DOCUMENT, null, Map.of("duties.item", "DC-9"), DONGCHENG))
			.singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains("DC-9"));
	}

	@Test
	void handingBackATakenBackItemBlocksForTheTownshipAndItsVillages() {
		List<Finding> findings = run("duties.taken-back", DemandKind.DOCUMENT, "住房城乡建设", Map.of("duties.item", "DC-3"),
				DONGCHENG, VILLAGE_UNLISTED);
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.BLOCK);
			assertThat(f.evidence()).contains(DONGCHENG).contains(VILLAGE_UNLISTED).contains("建设工程质量安全监督检查");
		});
		assertThat(run("duties.taken-back", DemandKind.DOCUMENT, null, Map.of("duties.item", "DC-2"), DONGCHENG))
			.isEmpty();
		assertThat(run("duties.off-list", DemandKind.DOCUMENT, null, Map.of("duties.item", "DC-3"), DONGCHENG))
			.as("a taken-back item is one finding, not two")
			.isEmpty();
	}

	@Test
	void aCertificateOutsideTheVillagesListBlocks() {
		Map<String, String> residence = Map.of("duties.certificate", "居住情况证明");
		assertThat(run("duties.certificate", DemandKind.DOCUMENT, null, residence, VILLAGE_LISTED, FEW_CERTIFICATES))
			.isEmpty();
		Map<String, String> economic = Map.of("duties.certificate", "家庭经济状况证明");
		assertThat(run("duties.certificate", DemandKind.DOCUMENT, null, economic, VILLAGE_LISTED, FEW_CERTIFICATES,
				VILLAGE_UNLISTED))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.BLOCK);
				assertThat(f.evidence()).contains(FEW_CERTIFICATES)
					.doesNotContain(VILLAGE_LISTED)
					.as("a village without a list may issue the province's preset")
					.doesNotContain(VILLAGE_UNLISTED);
			});
		Map<String, String> criminal = Map.of("duties.certificate", "无犯罪记录证明");
		assertThat(run("duties.certificate", DemandKind.DOCUMENT, null, criminal, VILLAGE_UNLISTED)).singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains(VILLAGE_UNLISTED));
		assertThat(run("duties.certificate", DemandKind.DOCUMENT, null, criminal, DONGCHENG))
			.as("certificates are asked of villages")
			.isEmpty();
	}

	@Test
	void aDemandWithoutFieldTaskOrCertificateIsNotJudged() {
		for (String code : List.of("duties.off-list", "duties.taken-back", "duties.certificate")) {
			assertThat(run(code, DemandKind.DOCUMENT, null, Map.of(), DONGCHENG, VILLAGE_LISTED)).isEmpty();
		}
	}

	private List<Finding> run(String code, DemandKind kind, String field, Map<String, String> details,
			String... recipients) {
		return run(Rulebook.defaults(DONGCHENG), code, kind, field, details, recipients);
	}

	private List<Finding> run(RuleValues rules, String code, DemandKind kind, String field, Map<String, String> details,
			String... recipients) {
		GateCheck check = this.checks.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
		List<Unit> units = java.util.Arrays.stream(recipients).map(c -> this.units.find(c).orElseThrow()).toList();
		DemandSnapshot demand = new DemandSnapshot(1, kind, "清单测试", "正文", field, null, "500151000000", null, "issuer",
				List.of(recipients), China.today().plusDays(20), null, null, false, false, false, false, null, details);
		GateContext context = new GateContext(China.today(), rules, new WorkingCalendar(), units, Optional.empty(),
				(u, d, k, y) -> 0);
		return check.check(demand, context).toList();
	}

	private static RuleValues override(RuleValues rules, String key, String value) {
		Map<String, RuleValues.Value> values = new HashMap<>();
		rules.all().forEach(v -> values.put(v.definition().key(), v));
		values.put(key, new RuleValues.Value(rules.get(key).definition(), value, rules.unitCode()));
		return new RuleValues(rules.unitCode(), values);
	}

	private static DutyItem item(String code, String name, Category category, String field) {
		return new DutyItem(code, name, category, field, "牵头部门", "依据");
	}

}
