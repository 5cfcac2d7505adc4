package cn.jianfu.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jianfu.DatabaseTest;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

@DatabaseTest
class RulebookTests {

	static final Scope ALL = new Scope("500000000000", "/500000000000/");

	@Autowired
	Rulebook rulebook;

	@Autowired
	OrgChart orgChart;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	AuditLog audit;

	Viewer viewer(String username) {
		return ((Viewer.Signed) this.accounts.loadUserByUsername(username)).viewer();
	}

	Unit unit(String code) {
		return this.orgChart.require(ALL, code);
	}

	@Test
	void everyDefaultCitesItsSourceAndIsValid() {
		assertThat(this.rulebook.definitions()).isNotEmpty().allSatisfy(d -> {
			assertThat(d.source().document()).isNotBlank();
			assertThat(d.source().article()).isNotBlank();
			assertThat(d.invalid(d.defaultValue())).isNull();
			assertThat(d.descriptionZh()).isNotBlank();
			assertThat(d.descriptionEn()).isNotBlank();
		});
		RuleValues village = this.rulebook.forUnit(unit("500151001001"));
		assertThat(village.integer("document.max-length")).isEqualTo(5000);
		assertThat(village.source("document.max-length").document()).contains("整治形式主义为基层减负若干规定");
	}

	@Test
	void anOverrideIsInheritedByTheSubtreeAndTheNearestWins() {
		Viewer keeper = viewer("gatekeeper");
		this.rulebook.override(keeper, "500151000000", "lead-time.meeting", "5", "全区会议提前一周通知");
		this.rulebook.override(keeper, "500151001000", "lead-time.meeting", "7", "巴川街道试点");
		assertThat(this.rulebook.forUnit(unit("500151002000")).integer("lead-time.meeting")).isEqualTo(5);
		RuleValues.Value bachuan = this.rulebook.forUnit(unit("500151001001")).get("lead-time.meeting");
		assertThat(bachuan.value()).isEqualTo("7");
		assertThat(bachuan.setAtUnit()).isEqualTo("500151001000");
		assertThat(this.rulebook.forUnit(unit("500154000000")).integer("lead-time.meeting")).isEqualTo(3);
		this.rulebook.clear(keeper, "500151001000", "lead-time.meeting");
		assertThat(this.rulebook.forUnit(unit("500151001001")).integer("lead-time.meeting")).isEqualTo(5);
		assertThat(this.audit.recent(0, 5)).anySatisfy(r -> {
			assertThat(r.type()).isEqualTo("rulebook.changed");
			assertThat(r.object()).isEqualTo("rule:500151000000:lead-time.meeting");
			assertThat(r.detail()).contains("3 -> 5");
		});
	}

	@Test
	void rejectsValuesOfTheWrongTypeOrOutOfRange() {
		Viewer keeper = viewer("gatekeeper");
		assertThatExceptionOfType(Problem.class)
			.isThrownBy(() -> this.rulebook.override(keeper, "500151000000", "document.max-length", "5000.5", "x"))
			.satisfies(p -> assertThat(p.code()).isEqualTo("rule.value.integer"));
		assertThatExceptionOfType(Problem.class)
			.isThrownBy(() -> this.rulebook.override(keeper, "500151000000", "document.max-length", "-1", "x"))
			.satisfies(p -> assertThat(p.code()).isEqualTo("rule.value.range"));
		assertThatExceptionOfType(Problem.class)
			.isThrownBy(() -> this.rulebook.override(keeper, "500151000000", "legal-basis.required", "yes", "x"))
			.satisfies(p -> assertThat(p.code()).isEqualTo("rule.value.flag"));
		assertThatExceptionOfType(Problem.class)
			.isThrownBy(() -> this.rulebook.override(keeper, "500151000000", "no.such.rule", "1", "x"))
			.satisfies(p -> assertThat(p.code()).isEqualTo("rule.not-found"));
		assertThatExceptionOfType(Problem.class)
			.isThrownBy(() -> this.rulebook.override(keeper, "500151000000", "document.max-length", "6000", " "))
			.satisfies(p -> assertThat(p.code()).isEqualTo("rule.reason"));
	}

	@Test
	void onlyKeepersChangeRulesAndOnlyInsideTheirScope() {
		assertThatExceptionOfType(Problem.class)
			.isThrownBy(
					() -> this.rulebook.override(viewer("issuer"), "500151000000", "document.max-length", "9000", "x"))
			.satisfies(p -> assertThat(p.code()).isEqualTo("rule.not-keeper"));
		assertThatExceptionOfType(Problem.class).isThrownBy(
				() -> this.rulebook.override(viewer("gatekeeper"), "500154000000", "document.max-length", "9000", "x"))
			.satisfies(p -> assertThat(p.code()).isEqualTo("unit.not-found"));
	}

}
