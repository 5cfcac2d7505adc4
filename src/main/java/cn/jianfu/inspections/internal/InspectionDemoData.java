package cn.jianfu.inspections.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.org.Department;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;

/**
 * A demo plan for 铜梁区 this year: six items of five departments, two of which the merge
 * proposal pairs, one asking for photos, and a baseline of 14 items in the previous year.
 * Runs after the demo organisation and only while the plan is empty.
 */
@Component
@ConditionalOnBooleanProperty(name = "jianfu.demo", matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class InspectionDemoData implements ApplicationRunner {

	static final String TONGLIANG = "500151000000";

	static final Scope ROOT = new Scope("500000000000", "/500000000000/");

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	private final TransactionTemplate transactions;

	private final Clock clock;

	InspectionDemoData(JdbcClient jdbc, OrgChart orgChart, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.orgChart = orgChart;
		this.transactions = transactions;
		this.clock = clock;
	}

	private static List<String> townships(int... suffixes) {
		return java.util.Arrays.stream(suffixes).mapToObj(s -> "500151" + String.format("%03d", s) + "000").toList();
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Unit> tongliang = this.orgChart.unit(ROOT, TONGLIANG);
		boolean planned = this.jdbc.sql("select count(*) from inspection_item").query(Long.class).single() > 0;
		if (tongliang.isEmpty() || planned) {
			return;
		}
		int year = LocalDate.now(this.clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear();
		this.transactions.executeWithoutResult(status -> {
			item(tongliang.get(), "区民政局", year, "养老服务机构综合考核", InspectionType.ASSESSMENT, true, "养老,民政", "9,10", true,
					"ledger,self-assessment", townships(1, 2, 3, 101, 102, 103));
			item(tongliang.get(), "区卫生健康委", year, "医养结合机构检查", InspectionType.CHECK, false, "养老,卫生健康", "10", true,
					"case-files", townships(1, 2, 101, 102));
			item(tongliang.get(), "区应急管理局", year, "安全生产督查", InspectionType.SUPERVISION, false, "应急", "3,4", true,
					"ledger,photos", townships(1, 2, 3, 4, 5, 101, 102, 103, 104, 105));
			item(tongliang.get(), "区农业农村委", year, "乡村振兴调研", InspectionType.RESEARCH, false, "农业农村", "5", false,
					"work-report", townships(106, 107, 108));
			item(tongliang.get(), "区生态环境局", year, "秸秆禁烧检查", InspectionType.CHECK, false, "生态环境", "3", true,
					"statistics", townships(1, 2, 3, 4, 101, 102, 103, 104));
			item(tongliang.get(), "区统计局", year, "统计数据质量检查", InspectionType.CHECK, false, "统计", "4", true,
					"statistics,case-files", townships(1, 3, 5, 101, 103, 105));
			this.jdbc
				.sql("insert into inspection_baseline (jurisdiction, baseline_year, item_count, set_by, set_at)"
						+ " values (:unit, :year, 14, 'system', :now)")
				.param("unit", TONGLIANG)
				.param("year", year - 1)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		});
	}

	private void item(Unit unit, String department, int year, String title, InspectionType type, boolean comprehensive,
			String fields, String months, boolean onSite, String materials, List<String> targets) {
		Long departmentId = this.orgChart.departments(ROOT, unit.code())
			.stream()
			.filter(d -> d.name().equals(department))
			.map(Department::id)
			.findFirst()
			.orElse(null);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into inspection_item (plan_year, unit_code, unit_path, department_id, issuer_name,"
				+ " title, inspection_type, comprehensive, fields, months, on_site, materials, created_by, created_at)"
				+ " values (:year, :unit, :path, :department, :issuer, :title, :type, :comprehensive, :fields, :months,"
				+ " :onSite, :materials, 'system', :now)")
			.param("year", year)
			.param("unit", unit.code())
			.param("path", unit.path())
			.param("department", departmentId)
			.param("issuer", unit.name() + " " + department)
			.param("title", title)
			.param("type", type.name())
			.param("comprehensive", comprehensive)
			.param("fields", fields)
			.param("months", months)
			.param("onSite", onSite)
			.param("materials", materials)
			.param("now", Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		for (String target : targets) {
			if (this.orgChart.unit(ROOT, target).isPresent()) {
				this.jdbc
					.sql("insert into inspection_item_target (item_id, unit_code, township_code) values (:id, :unit,"
							+ " :unit)")
					.param("id", id)
					.param("unit", target)
					.update();
			}
		}
	}

}
