package cn.jianfu.catalogue.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.catalogue.internal.Indicator.Aggregation;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.Indicator.ValueType;

/**
 * Loads the demo catalogue on first start ({@code jianfu.demo=true}, the default): a few
 * hundred real-style indicators of 铜梁区's departments from
 * {@code catalogue/demo-indicators.tsv}, and who already collects some of them from the
 * villages. Does nothing when the catalogue has indicators.
 */
@Component
@ConditionalOnBooleanProperty(name = "jianfu.demo", matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class CatalogueDemoData implements ApplicationRunner {

	static final String FILE = "catalogue/demo-indicators.tsv";

	static final String TONGLIANG = "500151000000";

	private static final Logger log = LoggerFactory.getLogger(CatalogueDemoData.class);

	private final Indicators indicators;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	CatalogueDemoData(Indicators indicators, JdbcClient jdbc, TransactionTemplate transactions) {
		this.indicators = indicators;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (this.indicators.count() > 0) {
			return;
		}
		List<Indicator> demo = load();
		this.transactions.executeWithoutResult(status -> {
			this.indicators.write(demo);
			collected("GA-0001", "区公安分局", "公安人口信息系统，每月 5 日前共享至区大数据中心，向区公安分局申请共享调取");
			collected("GA-0002", "区公安分局", "公安人口信息系统，每月共享至区大数据中心");
			collected("TJ-0001", "区统计局", "年度人口变动抽样调查，区统计局年报");
			collected("MZ-0004", "区民政局", "全国社会救助信息系统，按月自动汇总");
			collected("MZ-0007", "区民政局", "全国社会救助信息系统，按月自动汇总");
			collected("XC-0003", "区乡村振兴局", "全国防返贫监测信息系统，按月更新");
			sumRule("低保户数构成（城市 + 农村 = 合计）", "MZ-0004", "MZ-0005,MZ-0006");
			sumRule("低保人数构成（城市 + 农村 = 合计）", "MZ-0007", "MZ-0008,MZ-0009");
		});
		log.info("Demo catalogue loaded: {} indicators", demo.size());
	}

	/** A demo cross-field rule: the total is the sum of the parts. */
	private void sumRule(String set, String total, String parts) {
		this.jdbc.sql("insert into catalogue_sum_rule (set_name, total_code, part_codes) values (:set, :total, :parts)")
			.param("set", set)
			.param("total", total)
			.param("parts", parts)
			.update();
	}

	private void collected(String code, String collector, String source) {
		this.jdbc
			.sql("insert into catalogue_collection (indicator_code, collector, under_unit, unit_level, source)"
					+ " values (:code, :collector, :under, 5, :source)")
			.param("code", code)
			.param("collector", collector)
			.param("under", TONGLIANG)
			.param("source", source)
			.update();
	}

	static List<Indicator> load() throws IOException {
		List<Indicator> all = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t", -1);
				all.add(new Indicator(f[0], f[1], f[2], f[3], ValueType.valueOf(f[4]), Aggregation.valueOf(f[5]),
						PeriodType.valueOf(f[6]), f[7], f[8], null, null, null));
			}
		}
		return all;
	}

}
