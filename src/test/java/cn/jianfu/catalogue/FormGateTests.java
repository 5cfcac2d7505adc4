package cn.jianfu.catalogue;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jianfu.DatabaseTest;
import cn.jianfu.catalogue.internal.Forms;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.Indicators;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.Severity;
import cn.jianfu.gate.internal.DemandDesk;
import cn.jianfu.gate.internal.DemandId;
import cn.jianfu.gate.internal.DemandStatus;
import cn.jianfu.gate.internal.Gatekeeper;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

@DatabaseTest
class FormGateTests {

	static final String BACHUAN = "500151001000";

	@Autowired
	Forms forms;

	@Autowired
	Gatekeeper gatekeeper;

	@Autowired
	DemandDesk desk;

	@Autowired
	Indicators indicators;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	Viewer viewer(String name) {
		return ((Viewer.Signed) this.accounts.loadUserByUsername(name)).viewer();
	}

	long form(String issuer, String title, String period, boolean draw, String... fields) {
		return this.forms.create(viewer(issuer), new Forms.Request(title, null, "《统计法》", PeriodType.YEAR, period, 5,
				BACHUAN, China.today().plusDays(40), List.of(fields), draw));
	}

	@Test
	void aFieldAnotherDepartmentCollectsIsBlockedUnlessDrawnFromTheCatalogue() {
		long asked = form("issuer", "门禁测试：再要户籍人口", "2033", false, "户籍人口总数（人）", "村级公益岗位数");
		Gatekeeper.Verdict verdict = this.gatekeeper.submit(viewer("issuer"), new DemandId(asked), null);
		assertThat(verdict.status()).isEqualTo(DemandStatus.RETURNED);
		Finding held = verdict.findings()
			.stream()
			.filter(f -> f.code().equals("catalogue.held"))
			.findFirst()
			.orElseThrow();
		assertThat(held.severity()).isEqualTo(Severity.BLOCK);
		assertThat(held.messageZh()).contains("GA-0001", "户籍人口数", "区公安分局", "公安人口信息系统");
		assertThat(held.rule().document()).contains("整治形式主义为基层减负若干规定");

		long drawn = form("issuer", "门禁测试：从目录调取户籍人口", "2033", true, "户籍人口总数（人）", "村级公益岗位数");
		Gatekeeper.Verdict admitted = this.gatekeeper.submit(viewer("issuer"), new DemandId(drawn), null);
		assertThat(admitted.findings()).noneMatch(f -> f.code().startsWith("catalogue."));
	}

	@Test
	void anApprovedFormAddsItsNewIndicatorsAndAnotherIssuerAskingAgainIsBlocked() {
		long first = form("township", "门禁测试：网格情况", "2034", true, "村级网格测试员人数（人）");
		Viewer township = viewer("township");
		DemandId id = new DemandId(first);
		Gatekeeper.Verdict verdict = this.gatekeeper.submit(township, id, null);
		if (verdict.status() == DemandStatus.NEEDS_JUSTIFICATION) {
			Map<String, String> answers = new HashMap<>();
			verdict.findings().forEach(f -> answers.put(f.code(), "确有必要"));
			this.desk.justify(township, id, null, answers);
			this.gatekeeper.approve(viewer("gatekeeper"), id, null, "同意");
		}
		this.desk.issue(township, id, null);
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("select count(*) from catalogue_form_recipient where demand_id = :id")
				.param("id", first)
				.query(Long.class)
				.single() > 0);
		assertThat(this.indicators.search("村级网格测试员", new cn.jianfu.platform.Page.Request(0, 10)).items())
			.singleElement()
			.satisfies(i -> {
				assertThat(i.code()).startsWith("XZ-");
				assertThat(i.name()).isEqualTo("村级网格测试员人数");
				assertThat(i.unitOfMeasure()).isEqualTo("人");
			});

		long again = form("issuer", "门禁测试：再要网格情况", "2034", true, "村级网格测试员总人数");
		Gatekeeper.Verdict repeat = this.gatekeeper.submit(viewer("issuer"), new DemandId(again), null);
		assertThat(repeat.status()).isEqualTo(DemandStatus.RETURNED);
		Finding finding = repeat.findings()
			.stream()
			.filter(f -> f.code().equals("catalogue.repeat"))
			.findFirst()
			.orElseThrow();
		assertThat(finding.messageZh()).contains("门禁测试：网格情况", "2034", "同一情况不得反复调度");

		long otherYear = form("issuer", "门禁测试：明年网格情况", "2035", true, "村级网格测试员总人数");
		assertThat(this.gatekeeper.submit(viewer("issuer"), new DemandId(otherYear), null).findings())
			.noneMatch(f -> f.code().equals("catalogue.repeat"));
	}

	@Test
	void aBlockedFormDrawsItsHeldFieldsOnlyByItsIssuerAndOnlyWhileItCanBeEdited() {
		long id = form("issuer", "门禁测试：退回后从目录调取", "2036", false, "户籍人口总数（人）", "村级公益岗位测试数（个）");
		assertThat(this.gatekeeper.submit(viewer("issuer"), new DemandId(id), null).status())
			.isEqualTo(DemandStatus.RETURNED);
		// another county's issuer and the township (an issuer of another unit) do not see
		// it
		for (String other : new String[] { "kaizhou.issuer", "township" }) {
			assertThatThrownBy(() -> this.forms.draw(viewer(other), id)).isInstanceOfSatisfying(Problem.class,
					p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
		}
		assertThatThrownBy(() -> this.forms.draw(viewer("village"), id)).isInstanceOfSatisfying(Problem.class,
				p -> assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN));
		assertThat(this.forms.draw(viewer("issuer"), id)).isEqualTo(1);
		Map<String, String> details = this.desk.find(viewer("issuer"), id).orElseThrow().demand().details();
		assertThat(details).containsEntry("form.drawn", "GA-0001")
			.containsEntry("form.drawn-count", "1")
			.containsEntry("form.proposed", "村级公益岗位测试数（个）");
		assertThat(details.getOrDefault("form.indicators", "")).isEmpty();
		assertThat(this.desk.find(viewer("issuer"), id).orElseThrow().demand().body()).contains("以下数据从指标目录调取，无需填报",
				"户籍人口总数（人）");
		// nothing left to draw: nothing changes
		int version = this.desk.find(viewer("issuer"), id).orElseThrow().version();
		assertThat(this.forms.draw(viewer("issuer"), id)).isZero();
		assertThat(this.desk.find(viewer("issuer"), id).orElseThrow().version()).isEqualTo(version);
		Gatekeeper.Verdict again = this.gatekeeper.submit(viewer("issuer"), new DemandId(id), null);
		assertThat(again.findings()).noneMatch(f -> f.code().startsWith("catalogue."));
		// submitted: the form can no longer be changed
		assertThatThrownBy(() -> this.forms.draw(viewer("issuer"), id)).isInstanceOfSatisfying(Problem.class,
				p -> assertThat(p.code()).isEqualTo("catalogue.form.not-editable"));
	}

}
