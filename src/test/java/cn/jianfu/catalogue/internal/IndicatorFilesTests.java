package cn.jianfu.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.jianfu.catalogue.internal.Indicator.Aggregation;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.Indicator.ValueType;
import cn.jianfu.platform.Bilingual;

/**
 * The catalogue's CSV export cannot smuggle a formula into a spreadsheet, and still
 * re-imports unchanged.
 */
class IndicatorFilesTests {

	static IndicatorFiles files() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages", "i18n/catalogue");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return new IndicatorFiles(new Bilingual(source));
	}

	@Test
	void aCellThatLooksLikeAFormulaIsExportedAsTextAndReadBackAsWritten() {
		Indicator risky = new Indicator("XZ-0001", "=HYPERLINK(\"http://x\",\"户数\")", "-1 表示未统计", "@人",
				ValueType.INTEGER, Aggregation.SUM, PeriodType.MONTH, "+区民政局", null, null, null, null);
		IndicatorFiles files = files();

		String csv = new String(files.csv(List.of(risky)), StandardCharsets.UTF_8);
		assertThat(csv).contains("'=HYPERLINK").contains("'-1 表示未统计").contains("'@人").contains("'+区民政局");
		assertThat(csv.lines().skip(1).flatMap(line -> List.of(line.split(",")).stream()))
			.noneMatch(cell -> Rollup.startsLikeFormula(cell.replace("\"", "")));

		IndicatorFiles.Parsed back = files.readCsv("export.csv", files.csv(List.of(risky)));
		assertThat(back.errors()).isEmpty();
		assertThat(back.indicators()).containsExactly(risky);
	}

}
