package cn.jianfu.catalogue;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.jianfu.DatabaseTest;

/**
 * Excel entry of a sheet: a village downloads its sheet pre-filled, fills it (numbers as
 * text with separators, 万, formulas, note and empty rows) and uploads it; errors name
 * their cells and write nothing; a repeated upload changes nothing; locked periods, other
 * forms' and other units' workbooks are refused.
 */
@DatabaseTest
@AutoConfigureMockMvc
class EntryExcelTests {

	static final String VILLAGE_A = "500151001001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	long issuedForm(String title, String period, LocalDate deadline, String... codes) {
		return EntryForms.issued(this.jdbc, 910_000, title, period, deadline, 5, EntryForms.TOWNSHIP,
				List.of(VILLAGE_A), codes);
	}

	void held(String code, String period, String value) {
		EntryForms.held(this.jdbc, code, VILLAGE_A, period, value, "test");
	}

	byte[] download(long id) throws Exception {
		return this.mvc
			.perform(get("/api/v1/catalogue/entry/" + id + ".xlsx").with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	/** The downloaded workbook changed by {@code edit}, as a filled file. */
	static byte[] filled(byte[] downloaded, Consumer<Sheet> edit) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(downloaded));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			edit.accept(workbook.getSheet("填报"));
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** Row {@code n} as the spreadsheet numbers it (1-based). */
	static Row row(Sheet sheet, int n) {
		Row row = sheet.getRow(n - 1);
		return row == null ? sheet.createRow(n - 1) : row;
	}

	ResultActions upload(long id, byte[] file, boolean submit) throws Exception {
		return this.mvc.perform(multipart("/api/v1/catalogue/entry/" + id + "/import")
			.file(new MockMultipartFile("file", "填报表.xlsx", "application/octet-stream", file))
			.param("submit", String.valueOf(submit))
			.with(csrf())
			.with(httpBasic("village", "jianfu-demo")));
	}

	long versions(long id) {
		return this.jdbc.sql("select count(*) from catalogue_value_version where demand_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	@Test
	void aVillageFillsItsSheetInExcelAndARepeatedUploadChangesNothing() throws Exception {
		long id = issuedForm("Excel 填报：低保月报", "2041-05", China.today().plusDays(10), "MZ-0004", "MZ-0009", "MZ-0007",
				"TJ-0012", "MZ-0010");
		held("MZ-0004", "2041-05", "12");
		held("MZ-0009", "2041-04", "30");
		byte[] downloaded = download(id);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(downloaded))) {
			Sheet sheet = workbook.getSheet("填报");
			assertThat(row(sheet, 2).getCell(1).getStringCellValue()).isEqualTo(String.valueOf(id));
			assertThat(row(sheet, 3).getCell(1).getStringCellValue()).isEqualTo(VILLAGE_A);
			assertThat(row(sheet, 6).getCell(2).getStringCellValue()).isEqualTo("填报值");
			// pre-filled: held for this period, and last period's value to confirm
			assertThat(row(sheet, 7).getCell(0).getStringCellValue()).isEqualTo("MZ-0004");
			assertThat(row(sheet, 7).getCell(2).getNumericCellValue()).isEqualTo(12);
			assertThat(row(sheet, 8).getCell(2).getNumericCellValue()).isEqualTo(30);
			assertThat(row(sheet, 9).getCell(2)).isNull();
		}
		byte[] file = filled(downloaded, sheet -> {
			row(sheet, 7).getCell(2).setCellValue(13);
			row(sheet, 8).getCell(2).setCellValue("1,234");
			row(sheet, 9).createCell(2).setCellValue("1.2万");
			// a formula: its cached value is read
			row(sheet, 10).createCell(2).setCellFormula("20000+345.5");
			sheet.getWorkbook()
				.getCreationHelper()
				.createFormulaEvaluator()
				.evaluateFormulaCell(row(sheet, 10).getCell(2));
			// MZ-0010 left blank; a row the form does not ask; an empty row; a note row
			row(sheet, 12).createCell(0).setCellValue("GA-0001");
			row(sheet, 12).createCell(2).setCellValue(99);
			row(sheet, 15).createCell(0).setCellValue("注：本表由村委会填报");
		});

		upload(id, file, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(3))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.ignored").value(2))
			.andExpect(jsonPath("$.errors.length()").value(0));
		assertThat(this.jdbc
			.sql("select indicator_code || '=' || value_text from catalogue_value where unit_code = :unit and period ="
					+ " '2041-05' order by indicator_code")
			.param("unit", VILLAGE_A)
			.query(String.class)
			.list()).containsExactly("MZ-0004=13", "MZ-0007=12000", "MZ-0009=1234", "TJ-0012=20345.5");
		long written = versions(id);
		assertThat(written).isEqualTo(4);
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where event_type = 'catalogue.sheet-imported' and object = :ref")
			.param("ref", "demand:" + id + "/unit:" + VILLAGE_A)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the same file again: every source row ignored, no version added
		upload(id, file, false).andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.ignored").value(6));
		assertThat(versions(id)).isEqualTo(written);
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.version").value(1));

		// a change made on the old download is stale: 409, nothing written
		upload(id, filled(file, sheet -> row(sheet, 7).getCell(2).setCellValue(14)), false)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalogue.entry.stale"));
		assertThat(versions(id)).isEqualTo(written);

		// a fresh download, the last figure, submitted with the upload
		byte[] fresh = filled(download(id), sheet -> row(sheet, 11).createCell(2).setCellValue("3.5"));
		upload(id, fresh, true).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(1));
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
	}

	@Test
	void badCellsAreNamedInBothLanguagesAndNothingIsWritten() throws Exception {
		long id = issuedForm("Excel 填报：错误", "2041-06", China.today().plusDays(10), "MZ-0004", "MZ-0009", "MZ-0007",
				"MZ-0010", "TJ-0012");
		byte[] file = filled(download(id), sheet -> {
			row(sheet, 7).createCell(2).setCellValue("十二");
			row(sheet, 8).createCell(2).setCellFormula("1/0");
			sheet.getWorkbook()
				.getCreationHelper()
				.createFormulaEvaluator()
				.evaluateFormulaCell(row(sheet, 8).getCell(2));
			row(sheet, 9).createCell(2).setCellValue(-5);
			// 万 with a field measured in 万元 is ambiguous
			row(sheet, 10).createCell(2).setCellValue("3万");
			// a formula saved without its result
			row(sheet, 11).createCell(2).setCellFormula("1+1");
			row(sheet, 13).createCell(0).setCellValue("MZ-0004");
			row(sheet, 13).createCell(2).setCellValue(5);
		});
		upload(id, file, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.imported").value(0))
			.andExpect(jsonPath("$.errors[0].code").value("catalogue.entry.integer"))
			.andExpect(jsonPath("$.errors[0].sheet").value("填报"))
			.andExpect(jsonPath("$.errors[0].row").value(7))
			.andExpect(jsonPath("$.errors[0].column").value("C"))
			.andExpect(jsonPath("$.errors[0].messageZh").value(containsString("低保户数")))
			.andExpect(jsonPath("$.errors[0].messageEn").value(containsString("十二")))
			.andExpect(jsonPath("$.errors[?(@.row == 8)].code").value("catalogue.entry-import.formula-error"))
			.andExpect(jsonPath("$.errors[?(@.row == 9)].code").value("catalogue.entry.integer"))
			.andExpect(jsonPath("$.errors[?(@.row == 10)].code").value("catalogue.entry.scale"))
			.andExpect(jsonPath("$.errors[?(@.row == 11)].code").value("catalogue.entry-import.formula-no-value"))
			.andExpect(jsonPath("$.errors[?(@.row == 13)].code").value("catalogue.entry-import.duplicate-row"))
			.andExpect(jsonPath("$.errors[?(@.row == 13)].messageEn")
				.value(org.hamcrest.Matchers.hasItem(containsString("row 7"))));
		assertThat(versions(id)).isZero();
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.version").value(0));

		// not a workbook, an old .xls, a missing file
		upload(id, "代码,填报值\nMZ-0004,1".getBytes(java.nio.charset.StandardCharsets.UTF_8), false)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("catalogue.entry-import.unreadable"));
		upload(id, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 }, false)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("catalogue.entry-import.xls"))
			.andExpect(jsonPath("$.errors[0].messageZh").value(containsString(".xlsx")));
		// a workbook that is not a sheet of Jianfu: no header
		try (XSSFWorkbook other = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			other.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("村名");
			other.write(out);
			upload(id, out.toByteArray(), false).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].code").value("catalogue.entry-import.no-header"));
		}
	}

	@Test
	void anotherFormsOrUnitsWorkbookAndALockedPeriodAreRefused() throws Exception {
		long first = issuedForm("Excel 填报：甲", "2041-07", China.today().plusDays(10), "MZ-0004");
		long second = issuedForm("Excel 填报：乙", "2041-07", China.today().plusDays(10), "MZ-0004");
		byte[] ofFirst = filled(download(first), sheet -> row(sheet, 7).createCell(2).setCellValue(8));
		upload(second, ofFirst, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("catalogue.entry-import.wrong-form"))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].column").value("B"));
		byte[] otherUnit = filled(ofFirst, sheet -> row(sheet, 3).getCell(1).setCellValue("500151001002"));
		upload(first, otherUnit, false).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("catalogue.entry-import.wrong-unit"))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].messageEn").value(containsString("500151001002")));
		assertThat(versions(first) + versions(second)).isZero();
		// a unit the form is not addressed to does not get it at all
		this.mvc
			.perform(multipart("/api/v1/catalogue/entry/" + first + "/import")
				.file(new MockMultipartFile("file", "填报表.xlsx", "application/octet-stream", ofFirst))
				.with(csrf())
				.with(httpBasic("township", "jianfu-demo")))
			.andExpect(status().isNotFound());

		long locked = issuedForm("Excel 填报：已锁定", "2041-08", China.today().minusDays(4), "MZ-0004");
		byte[] late = filled(download(locked), sheet -> row(sheet, 7).createCell(2).setCellValue(8));
		upload(locked, late, false).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalogue.entry.locked"));
		assertThat(versions(locked)).isZero();
	}

	@Test
	void aSubmissionByUploadBreakingACrossFieldRuleIsRefusedAtTheTotalsCell() throws Exception {
		// demo rule: 低保户数 = 城市低保户数 + 农村低保户数
		long id = issuedForm("Excel 填报：合计", "2041-10", China.today().plusDays(10), "MZ-0004", "MZ-0005", "MZ-0006");
		byte[] file = filled(download(id), sheet -> {
			row(sheet, 7).createCell(2).setCellValue(10);
			row(sheet, 8).createCell(2).setCellValue(4);
			row(sheet, 9).createCell(2).setCellValue(5);
		});
		upload(id, file, true).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("catalogue.entry.cross-field"))
			.andExpect(jsonPath("$.errors[0].row").value(7))
			.andExpect(jsonPath("$.errors[0].messageZh").value(containsString("之和为 9")));
		assertThat(versions(id)).isZero();
		// as a draft it is saved, the rule a warning on the sheet
		upload(id, file, false).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(3));
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.warnings[0].code").value("catalogue.entry.cross-field"));
	}

	@Test
	void theEntryPageLinksTheWorkbookAndShowsTheImportSummary() throws Exception {
		long id = issuedForm("Excel 填报：页面", "2041-09", China.today().plusDays(10), "MZ-0004");
		var village = user(this.accounts.loadUserByUsername("village"));
		this.mvc.perform(get("/catalogue/entry/" + id).with(village))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/catalogue/entry/" + id + ".xlsx")))
			.andExpect(content().string(containsString("/catalogue/entry/" + id + "/import")));
		byte[] file = filled(this.mvc.perform(get("/catalogue/entry/" + id + ".xlsx").with(village))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), sheet -> row(sheet, 7).createCell(2).setCellValue("七"));
		this.mvc
			.perform(multipart("/catalogue/entry/" + id + "/import")
				.file(new MockMultipartFile("file", "填报表.xlsx", "application/octet-stream", file))
				.with(csrf())
				.with(village))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("填报!C7")))
			.andExpect(content().string(containsString("未写入任何数据")));
		byte[] good = filled(file, sheet -> row(sheet, 7).getCell(2).setCellValue(7));
		this.mvc
			.perform(multipart("/catalogue/entry/" + id + "/import")
				.file(new MockMultipartFile("file", "填报表.xlsx", "application/octet-stream", good))
				.with(csrf())
				.with(village))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新增 1 项")));
	}

}
