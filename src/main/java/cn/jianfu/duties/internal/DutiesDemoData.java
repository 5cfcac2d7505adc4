package cn.jianfu.duties.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.org.Unit;

/**
 * Demo lists and register, on first start with {@code jianfu.demo=true}: the duty list of
 * 巴川街道, the admission list and certificates of each of its communities and villages, and
 * the powers 特困人员认定 and 最低生活保障审核确认 with the levels that exercise their steps in 铜梁区 and
 * 开州区 (approval at the county; the demo delegation is left to the user). Does nothing
 * when the tables have rows.
 */
@Component
@ConditionalOnBooleanProperty(name = "jianfu.demo", matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DutiesDemoData implements ApplicationRunner {

	static final String BACHUAN = "500151001000";

	static final String TEKUN = "TEKUN";

	static final String DIBAO = "DIBAO";

	static final List<String> COUNTIES = List.of("500151000000", "500154000000");

	private final JdbcClient jdbc;

	private final DutyLists lists;

	private final PowerRegister register;

	private final CertificatePreset preset;

	private final UnitDirectory units;

	private final TransactionTemplate transactions;

	DutiesDemoData(JdbcClient jdbc, DutyLists lists, PowerRegister register, CertificatePreset preset,
			UnitDirectory units, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.lists = lists;
		this.register = register;
		this.preset = preset;
		this.units = units;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transactions.executeWithoutResult(status -> {
			if (count("duty_item") == 0 && this.units.find(BACHUAN).isPresent()) {
				loadLists();
			}
			if (count("power") == 0) {
				loadRegister();
			}
		});
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private void loadLists() {
		DutyLists.Approval approval = new DutyLists.Approval("巴川街道党工委（演示）", "演示数据 demo data");
		this.lists.replace(new DutyList(BACHUAN, ListKind.DUTY, read("duties/demo-bachuan-duties.tsv"), List.of()),
				"system", approval);
		List<DutyItem> admission = read("duties/demo-village-admission.tsv");
		List<String> villages = this.jdbc.sql("select code from unit where parent_code = :township order by code")
			.param("township", BACHUAN)
			.query(String.class)
			.list();
		for (String village : villages) {
			List<String> certificates = this.preset.forUnit(village);
			this.lists.replace(new DutyList(village, ListKind.ADMISSION, admission, certificates), "system", approval);
		}
	}

	private void loadRegister() {
		this.register.define(TEKUN, "特困人员认定", "Recognition of persons in extreme poverty",
				List.of(new PowerRegister.Step(1, "ACCEPTANCE", "受理", "acceptance", 3, new BigDecimal("1.00")),
						new PowerRegister.Step(2, "FIRST_REVIEW", "初审（入户调查）", "first review (home visit)", 15,
								new BigDecimal("6.00")),
						new PowerRegister.Step(3, "APPROVAL", "审批确认", "approval", 20, new BigDecimal("2.00"))));
		this.register.define(DIBAO, "最低生活保障审核确认", "Approval of minimum living allowance",
				List.of(new PowerRegister.Step(1, "ACCEPTANCE", "受理", "acceptance", 3, new BigDecimal("1.00")),
						new PowerRegister.Step(2, "FIRST_REVIEW", "审核（家庭经济状况调查）", "review (household means test)", 15,
								new BigDecimal("6.00")),
						new PowerRegister.Step(3, "APPROVAL", "审批确认", "approval", 10, new BigDecimal("2.00"))));
		LocalDate since = LocalDate.of(2021, 6, 1);
		for (String countyCode : COUNTIES) {
			Unit county = this.units.find(countyCode).orElse(null);
			if (county == null) {
				continue;
			}
			for (String power : List.of(TEKUN, DIBAO)) {
				String instrument = TEKUN.equals(power) ? "《特困人员认定办法》（民发〔2021〕43号）" : "《最低生活保障审核确认办法》（民发〔2021〕57号）";
				this.register.record("system", power, "ACCEPTANCE", county, cn.jianfu.org.UnitLevel.TOWNSHIP, since,
						instrument);
				this.register.record("system", power, "FIRST_REVIEW", county, cn.jianfu.org.UnitLevel.TOWNSHIP, since,
						instrument);
				this.register.record("system", power, "APPROVAL", county, cn.jianfu.org.UnitLevel.COUNTY, since,
						instrument);
			}
		}
	}

	static List<DutyItem> read(String resource) {
		List<DutyItem> items = new ArrayList<>();
		try (InputStream in = new ClassPathResource(resource).getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] c = line.split("\t", -1);
				items.add(new DutyItem(c[0], c[1], Category.valueOf(c[2]), c[3], c[4], c[5]));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource, ex);
		}
		return items;
	}

}
