package cn.jianfu.catalogue;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;
import cn.jianfu.catalogue.internal.TemplateReader;
import cn.jianfu.gate.DemandIntake;
import cn.jianfu.org.Viewer;

@DatabaseTest
@AutoConfigureMockMvc
class DataRequestFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	DemandIntake intake;

	/** A template as departments send it today. */
	static byte[] template() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("基本情况表");
			sheet.createRow(0).createCell(0).setCellValue("2026年村（社区）基本情况统计表");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
			XSSFRow meta = sheet.createRow(1);
			meta.createCell(0).setCellValue("填报单位：");
			meta.createCell(5).setCellValue("单位：人、户");
			XSSFRow top = sheet.createRow(2);
			XSSFRow sub = sheet.createRow(3);
			String[] heads = { "序号", "村（社区）", "户籍人口数（人）", "城乡低保", null, "常住人口总数（人）", "网格员人数（人）" };
			for (int c = 0; c < heads.length; c++) {
				if (heads[c] != null) {
					top.createCell(c).setCellValue(heads[c]);
				}
			}
			sub.createCell(3).setCellValue("户数（户）");
			sub.createCell(4).setCellValue("人数\n（人）");
			for (int c : new int[] { 0, 1, 2, 5, 6 }) {
				sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
			}
			sheet.addMergedRegion(new CellRangeAddress(2, 2, 3, 4));
			XSSFRow data = sheet.createRow(4);
			data.createCell(0).setCellValue(1);
			data.createCell(1).setCellValue("东方社区");
			sheet.createRow(6).createCell(0).setCellValue("注：1.本表由各村（社区）填报；2.人口数据截至年末。");
			workbook.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void theTemplateGivesItsFieldsWithJoinedHeadersAndUnits() throws IOException {
		TemplateReader.Result result = TemplateReader.read(template());
		assertThat(result.error()).isNull();
		assertThat(result.fields()).extracting(TemplateReader.Field::name)
			.containsExactly("户籍人口数（人）", "城乡低保户数（户）", "城乡低保人数（人）", "常住人口总数（人）", "网格员人数（人）");
		assertThat(result.fields()).extracting(TemplateReader.Field::unit).containsExactly("人", "户", "人", "人", "人");
		assertThat(result.fields().get(1).column()).isEqualTo("D");
	}

	@Test
	void anUploadedTemplateShowsWhichFieldsTheCatalogueHolds() throws Exception {
		this.mvc
			.perform(multipart("/catalogue/forms")
				.file(new MockMultipartFile("template", "基本情况表.xlsx", "application/octet-stream", template()))
				.param("title", "村情统计")
				.param("periodType", "YEAR")
				.param("period", "2026")
				.with(user("issuer"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("GA-0001")))
			.andExpect(content().string(Matchers.containsString("MZ-0004")))
			.andExpect(content().string(Matchers.containsString("网格员人数（人）")));
	}

	@Test
	void creatingTheFormDraftsTheDemandWithItsDetails() throws Exception {
		String location = this.mvc
			.perform(multipart("/catalogue/forms").param("title", "表单测试：人口与网格")
				.param("periodType", "YEAR")
				.param("period", "2031")
				.param("recipientLevel", "5")
				.param("deadline", China.today().plusDays(30).toString())
				.param("fields", "户籍人口数（人）\n网格员人数（人）\n\n")
				.with(user("issuer"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/demands/");
		long id = Long.parseLong(location.substring("/demands/".length()));
		Viewer issuer = ((Viewer.Signed) this.accounts.loadUserByUsername("issuer")).viewer();
		DemandIntake.Tracked tracked = this.intake.find(issuer, id).orElseThrow();
		assertThat(tracked.demand().details()).containsEntry("form.fields", "2")
			.containsEntry("form.prefilled", "1")
			.containsEntry("form.indicators", "GA-0001")
			.containsEntry("form.proposed", "网格员人数（人）")
			.containsEntry("form.period", "2031");
		assertThat(tracked.status()).isEqualTo("DRAFT");
	}

	@Test
	void badInputIsExplainedOnThePage() throws Exception {
		this.mvc
			.perform(multipart("/catalogue/forms").param("title", "坏表")
				.param("periodType", "MONTH")
				.param("period", "2026")
				.param("deadline", China.today().plusDays(30).toString())
				.param("fields", "户籍人口数")
				.locale(java.util.Locale.SIMPLIFIED_CHINESE)
				.with(user("issuer"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("报告期“2026”与报告周期不符")));
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 };
		this.mvc
			.perform(multipart("/catalogue/forms")
				.file(new MockMultipartFile("template", "old.xls", "application/octet-stream", xls))
				.param("title", "旧表")
				.locale(java.util.Locale.SIMPLIFIED_CHINESE)
				.with(user("issuer"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(Matchers.containsString("另存为 .xlsx")));
		this.mvc.perform(multipart("/catalogue/forms").param("fields", "x").with(user("village")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor user(String name) {
		UserDetails details = this.accounts.loadUserByUsername(name);
		return SecurityMockMvcRequestPostProcessors.user(details);
	}

}
