package cn.jianfu.duties.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.jianfu.platform.Bilingual;

/**
 * Reading and writing lists as workbooks: a written list reads back unchanged, and every
 * error names its sheet, row and column in Chinese and English.
 */
class DutyWorkbookTests {

	static final String VILLAGE = "500151001001";

	static final String TOWNSHIP = "500151001000";

	final DutyWorkbook workbook = new DutyWorkbook(messages(), new CertificatePreset());

	static Bilingual messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/duties");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return new Bilingual(source);
	}

	@Test
	void aWrittenListReadsBackUnchanged() {
		DutyList list = new DutyList(VILLAGE, ListKind.ADMISSION,
				List.of(new DutyItem("CZ-1", "协助低保入户核查", Category.ALLOWED, "民政", "社会事务办", "《社会救助暂行办法》"),
						new DutyItem("CZ-2", "招商引资任务", Category.NEGATIVE, "招商引资", null, null)),
				List.of("居住情况证明", "家庭经济状况证明"));
		byte[] bytes = this.workbook.write(list);
		assertThat(this.workbook.read(new ByteArrayInputStream(bytes), VILLAGE, ListKind.ADMISSION)).isEqualTo(list);
	}

	@Test
	void acceptsCategoriesInShortChineseOrEnglish() throws IOException {
		byte[] bytes = sheet(DutyWorkbook.DUTY_SHEET,
				new String[][] { DutyWorkbook.HEADERS.toArray(String[]::new), { "1", "低保入户调查", "基本履职", "民政", "", "" },
						{ "2", "森林防灭火", "coordination", "应急", "", "" },
						{ "3", "工程质量监督", "上级部门收回事项", "住房城乡建设", "区住房城乡建委", "" } });
		DutyList list = this.workbook.read(new ByteArrayInputStream(bytes), TOWNSHIP, ListKind.DUTY);
		assertThat(list.items()).extracting(DutyItem::category)
			.containsExactly(Category.BASIC, Category.COORDINATION, Category.TAKEN_BACK);
	}

	@Test
	void namesEverySheetRowAndColumnThatIsWrongInBothLanguages() throws IOException {
		byte[] bytes = sheet(DutyWorkbook.DUTY_SHEET,
				new String[][] { DutyWorkbook.HEADERS.toArray(String[]::new), { "1", "低保入户调查", "基本履职事项", "民政", "", "" },
						{ "1", "", "随便", "民政", "", "" }, { "", "临时救助", "准入事项", "民政", "", "" } });
		assertThatExceptionOfType(ImportErrors.class)
			.isThrownBy(() -> this.workbook.read(new ByteArrayInputStream(bytes), TOWNSHIP, ListKind.DUTY))
			.satisfies(ex -> {
				assertThat(ex.errors()).extracting(e -> e.sheet() + "!" + e.column() + e.row())
					.containsExactly("履职事项清单!A3", "履职事项清单!B3", "履职事项清单!C3", "履职事项清单!A4", "履职事项清单!C4");
				assertThat(ex.errors().get(0).messageZh()).contains("编号“1”重复");
				assertThat(ex.errors().get(0).messageEn()).contains("the number \"1\" appears twice");
				assertThat(ex.errors().get(4).messageZh()).contains("准入事项").contains("基本履职事项");
			});
	}

	@Test
	void aMissingSheetOrWrongHeaderIsNamed() throws IOException {
		byte[] wrongSheet = sheet("Sheet1", new String[][] { { "编号" } });
		assertThatExceptionOfType(ImportErrors.class)
			.isThrownBy(() -> this.workbook.read(new ByteArrayInputStream(wrongSheet), VILLAGE, ListKind.ADMISSION))
			.satisfies(ex -> assertThat(ex.errors()).singleElement()
				.satisfies(e -> assertThat(e.messageEn()).contains("the sheet \"准入清单\" is missing")));
		byte[] wrongHeader = sheet(DutyWorkbook.DUTY_SHEET, new String[][] { { "编号", "名称" } });
		assertThatExceptionOfType(ImportErrors.class)
			.isThrownBy(() -> this.workbook.read(new ByteArrayInputStream(wrongHeader), TOWNSHIP, ListKind.DUTY))
			.satisfies(ex -> assertThat(ex.errors().get(0)).satisfies(e -> {
				assertThat(e.column() + e.row()).isEqualTo("B1");
				assertThat(e.messageZh()).contains("表头应为“事项名称”，实际为“名称”");
			}));
	}

	@Test
	void aCertificateOutsideTheProvincesPresetIsRefused() throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fill(book.createSheet(DutyWorkbook.ADMISSION_SHEET), new String[][] {
					DutyWorkbook.HEADERS.toArray(String[]::new), { "1", "协助低保入户核查", "准入事项", "民政", "", "" } });
			fill(book.createSheet(DutyWorkbook.CERTIFICATE_SHEET),
					new String[][] { { "证明事项" }, { "居住情况证明" }, { "无犯罪记录证明" } });
			book.write(out);
			assertThatExceptionOfType(ImportErrors.class).isThrownBy(
					() -> this.workbook.read(new ByteArrayInputStream(out.toByteArray()), VILLAGE, ListKind.ADMISSION))
				.satisfies(ex -> assertThat(ex.errors()).singleElement().satisfies(e -> {
					assertThat(e.sheet() + "!" + e.column() + e.row()).isEqualTo("证明事项!A3");
					assertThat(e.messageEn()).contains("无犯罪记录证明").contains("preset");
				}));
		}
	}

	@Test
	void aFileThatIsNotAWorkbookIsRefusedWhole() {
		for (byte[] bytes : List.of("<html>not excel</html>".getBytes(StandardCharsets.UTF_8), new byte[0],
				new byte[] { 0x50, 0x4b, 0x03, 0x04, 1, 2, 3 })) {
			assertThatExceptionOfType(ImportErrors.class)
				.isThrownBy(() -> this.workbook.read(new ByteArrayInputStream(bytes), VILLAGE, ListKind.ADMISSION))
				.satisfies(ex -> assertThat(ex.errors()).singleElement()
					.satisfies(e -> assertThat(e.messageZh()).contains("不是可读取的 Excel 工作簿")));
		}
	}

	@Test
	void aListWithoutItemsIsRefused() throws IOException {
		byte[] bytes = sheet(DutyWorkbook.DUTY_SHEET, new String[][] { DutyWorkbook.HEADERS.toArray(String[]::new) });
		assertThatExceptionOfType(ImportErrors.class)
			.isThrownBy(() -> this.workbook.read(new ByteArrayInputStream(bytes), TOWNSHIP, ListKind.DUTY))
			.satisfies(ex -> assertThat(ex.errors().get(0).messageEn()).isEqualTo("the list has no items"));
	}

	static byte[] sheet(String name, String[][] cells) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			fill(book.createSheet(name), cells);
			book.write(out);
			return out.toByteArray();
		}
	}

	static void fill(XSSFSheet sheet, String[][] cells) {
		for (int r = 0; r < cells.length; r++) {
			var row = sheet.createRow(r);
			for (int c = 0; c < cells[r].length; c++) {
				row.createCell(c).setCellValue(cells[r][c]);
			}
		}
	}

}
