package cn.jianfu.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.jianfu.DatabaseTest;
import cn.jianfu.catalogue.internal.Indicators;

@DatabaseTest
@AutoConfigureMockMvc
class IndicatorCatalogueTests {

	static final String PASSWORD = "jianfu-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	Indicators indicators;

	@Autowired
	UserDetailsService accounts;

	@Test
	void demoCatalogueHasAFewHundredIndicatorsAndIsSearchable() throws Exception {
		assertThat(this.indicators.count()).isGreaterThanOrEqualTo(250);
		this.mvc.perform(get("/api/v1/catalogue/indicators").param("q", "户籍人口").with(httpBasic("village", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].code").value("GA-0001"))
			.andExpect(jsonPath("$.items[0].ownerDepartment").value("区公安分局"));
		this.mvc.perform(get("/catalogue").param("q", "低保").with(user("village")))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("农村低保户数")));
	}

	@Test
	void csvImportCreatesThenChangesNothingOnRepeat() throws Exception {
		String csv = "代码,名称,计量单位,值类型,汇总方式,报告周期,主管部门\n"
				+ "TEST-CSV-1,测试井盖数,个,整数,求和,年,区城管局\nTEST-CSV-2,测试路灯完好率,%,百分比,不汇总,季,区城管局\n";
		upload("/api/v1/catalogue/import", "ok.csv", csv.getBytes(StandardCharsets.UTF_8), "gatekeeper")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(2));
		upload("/api/v1/catalogue/import", "ok.csv", csv.getBytes(StandardCharsets.UTF_8), "gatekeeper")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.ignored").value(2));
	}

	@Test
	void aBadRowWritesNothingAndEveryErrorNamesFileRowAndColumn() throws Exception {
		String csv = "code,name,value_type,aggregation,period_type,valid_from\n"
				+ "TEST-BAD-1,好的指标数,INTEGER,SUM,YEAR,\n" + "TEST-BAD-2,,整数,求和,年,\n"
				+ "TEST-BAD-3,坏的指标,数字,求和,年,2026年1月\n" + "TEST-BAD-1,重复,TEXT,SUM,YEAR,\n";
		upload("/api/v1/catalogue/import", "bad.csv", csv.getBytes(StandardCharsets.UTF_8), "admin")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.errors[0].file").value("bad.csv"))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("name"))
			.andExpect(jsonPath("$.errors[0].messageZh").value("“name”不能为空"))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].column").value("value_type"))
			.andExpect(jsonPath("$.errors[2].column").value("valid_from"))
			.andExpect(jsonPath("$.errors[3].code").value("duplicate-code"))
			.andExpect(jsonPath("$.errors[4].code").value("sum-not-additive"))
			.andExpect(jsonPath("$.errors[4].messageEn").value("Text, yes/no and percent indicators cannot be summed"));
		assertThat(this.indicators.find("TEST-BAD-1")).isEmpty();
	}

	@Test
	void excelExportImportsBackUnchangedAndExcelErrorsNameSheetAndCell() throws Exception {
		byte[] xlsx = this.mvc.perform(get("/catalogue/indicators.xlsx").with(user("issuer")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		upload("/api/v1/catalogue/import", "round.xlsx", xlsx, "gatekeeper").andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.updated").value(0));

		XSSFWorkbook workbook = new XSSFWorkbook();
		workbook.setSheetHidden(workbook.getSheetIndex(workbook.createSheet("隐藏")), true);
		XSSFSheet sheet = workbook.createSheet("指标");
		String[] header = { "代码", "名称", "值类型", "汇总方式", "报告周期" };
		for (int c = 0; c < header.length; c++) {
			sheet.createRow(0);
		}
		var head = sheet.getRow(0);
		for (int c = 0; c < header.length; c++) {
			head.createCell(c).setCellValue(header[c]);
		}
		var row = sheet.createRow(1);
		row.createCell(0).setCellValue("TEST-XL-1");
		row.createCell(1).setCellFormula("\"公式\"&\"名称\"");
		row.createCell(2).setCellValue("整数");
		row.createCell(3).setCellValue("求和");
		row.createCell(4).setCellValue("周");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		workbook.close();
		upload("/api/v1/catalogue/import", "bad.xlsx", out.toByteArray(), "gatekeeper")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].sheet").value("指标"))
			.andExpect(jsonPath("$.errors[0].column").value("B"))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].code").value("formula"))
			.andExpect(jsonPath("$.errors[?(@.code == 'bad-choice')].column").value("E"));
	}

	@Test
	void oldXlsAndGarbageGetAClearErrorAndOnlyStewardsImport() throws Exception {
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 };
		upload("/api/v1/catalogue/import", "old.xls", xls, "admin").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("xls"));
		byte[] brokenZip = { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 };
		upload("/api/v1/catalogue/import", "broken.xlsx", brokenZip, "admin").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("unreadable"));
		upload("/api/v1/catalogue/import", "x.csv", "code,name\n".getBytes(StandardCharsets.UTF_8), "issuer")
			.andExpect(status().isForbidden());
	}

	private RequestPostProcessor user(String name) {
		UserDetails details = this.accounts.loadUserByUsername(name);
		return SecurityMockMvcRequestPostProcessors.user(details);
	}

	private org.springframework.test.web.servlet.ResultActions upload(String path, String name, byte[] content,
			String user) throws Exception {
		return this.mvc
			.perform(multipart(path).file(new MockMultipartFile("file", name, "application/octet-stream", content))
				.with(httpBasic(user, PASSWORD))
				.with(csrf()));
	}

}
