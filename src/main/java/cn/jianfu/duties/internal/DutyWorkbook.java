package cn.jianfu.duties.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.jianfu.platform.Bilingual;

/**
 * Reads and writes a unit's list as an Excel workbook. A township's workbook has the
 * sheet {@value #DUTY_SHEET}, a village's the sheet {@value #ADMISSION_SHEET} and
 * optionally {@value #CERTIFICATE_SHEET}; the item sheets have the columns 编号, 事项名称, 类别,
 * 领域, 牵头部门, 法律依据 under a header row. Reading collects every error, each naming its sheet,
 * row and column in Chinese and English, and returns a list only when there are none.
 */
@Component
public class DutyWorkbook {

	public static final String DUTY_SHEET = "履职事项清单";

	public static final String ADMISSION_SHEET = "准入清单";

	public static final String CERTIFICATE_SHEET = "证明事项";

	static final List<String> HEADERS = List.of("编号", "事项名称", "类别", "领域", "牵头部门", "法律依据");

	static final String CERTIFICATE_HEADER = "证明事项";

	static final int MAX_ROWS = 5000;

	static final int MAX_ERRORS = 200;

	private final Bilingual messages;

	private final CertificatePreset preset;

	DutyWorkbook(Bilingual messages, CertificatePreset preset) {
		this.messages = messages;
		this.preset = preset;
	}

	public static String sheetFor(ListKind kind) {
		return kind == ListKind.DUTY ? DUTY_SHEET : ADMISSION_SHEET;
	}

	/**
	 * The list in the workbook for this unit, or the errors that keep it from being read.
	 */
	public DutyList read(InputStream in, String unitCode, ListKind kind) {
		Errors errors = new Errors();
		try (Workbook workbook = new XSSFWorkbook(in)) {
			String sheetName = sheetFor(kind);
			Sheet sheet = workbook.getSheet(sheetName);
			List<DutyItem> items = new ArrayList<>();
			List<String> certificates = new ArrayList<>();
			if (sheet == null) {
				errors.add(sheetName, 0, "", "duties.import.sheet-missing", sheetName);
			}
			else {
				readItems(sheet, kind, items, errors);
			}
			Sheet certificateSheet = workbook.getSheet(CERTIFICATE_SHEET);
			if (certificateSheet != null) {
				if (kind == ListKind.DUTY) {
					errors.add(CERTIFICATE_SHEET, 0, "", "duties.import.certificates-township");
				}
				else {
					readCertificates(certificateSheet, unitCode, certificates, errors);
				}
			}
			if (errors.list.isEmpty()) {
				return new DutyList(unitCode, kind, items, certificates);
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ImportErrors known) {
				throw known;
			}
			errors.add("", 0, "", "duties.import.not-a-workbook");
		}
		throw new ImportErrors(errors.list);
	}

	private void readItems(Sheet sheet, ListKind kind, List<DutyItem> items, Errors errors) {
		DataFormatter format = new DataFormatter();
		Row header = sheet.getRow(0);
		for (int c = 0; c < HEADERS.size(); c++) {
			String found = header == null ? "" : text(format, header.getCell(c));
			if (!HEADERS.get(c).equals(found)) {
				errors.add(sheet.getSheetName(), 1, column(c), "duties.import.header", HEADERS.get(c), found);
			}
		}
		if (!errors.list.isEmpty()) {
			return;
		}
		if (sheet.getLastRowNum() > MAX_ROWS) {
			errors.add(sheet.getSheetName(), sheet.getLastRowNum() + 1, "", "duties.import.too-many-rows", MAX_ROWS);
			return;
		}
		Set<String> codes = new HashSet<>();
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null || blank(format, row)) {
				continue;
			}
			int excelRow = r + 1;
			String name = sheet.getSheetName();
			String code = text(format, row.getCell(0));
			String item = text(format, row.getCell(1));
			String categoryText = text(format, row.getCell(2));
			String field = text(format, row.getCell(3));
			String lead = text(format, row.getCell(4));
			String basis = text(format, row.getCell(5));
			boolean ok = true;
			if (code.isEmpty() || code.length() > 40) {
				ok = errors.add(name, excelRow, "A", "duties.import.code", 40);
			}
			else if (!codes.add(code)) {
				ok = errors.add(name, excelRow, "A", "duties.import.code-duplicate", code);
			}
			if (item.isEmpty() || item.length() > 300) {
				ok = errors.add(name, excelRow, "B", "duties.import.name", 300);
			}
			Category category = Category.parse(kind, categoryText).orElse(null);
			if (category == null) {
				ok = errors.add(name, excelRow, "C", "duties.import.category", categoryText, allowed(kind));
			}
			if (field.length() > 40) {
				ok = errors.add(name, excelRow, "D", "duties.import.field", 40);
			}
			if (lead.length() > 200) {
				ok = errors.add(name, excelRow, "E", "duties.import.lead", 200);
			}
			if (basis.length() > 1000) {
				ok = errors.add(name, excelRow, "F", "duties.import.basis", 1000);
			}
			if (ok && category != null) {
				items.add(new DutyItem(code, item, category, empty(field), empty(lead), empty(basis)));
			}
		}
		if (items.isEmpty() && errors.list.isEmpty()) {
			errors.add(sheet.getSheetName(), 2, "", "duties.import.empty");
		}
	}

	private void readCertificates(Sheet sheet, String unitCode, List<String> certificates, Errors errors) {
		DataFormatter format = new DataFormatter();
		Row header = sheet.getRow(0);
		String found = header == null ? "" : text(format, header.getCell(0));
		if (!CERTIFICATE_HEADER.equals(found)) {
			errors.add(sheet.getSheetName(), 1, "A", "duties.import.header", CERTIFICATE_HEADER, found);
			return;
		}
		List<String> preset = this.preset.forUnit(unitCode);
		for (int r = 1; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS); r++) {
			Row row = sheet.getRow(r);
			String certificate = row == null ? "" : text(format, row.getCell(0));
			if (certificate.isEmpty()) {
				continue;
			}
			if (!preset.contains(certificate)) {
				errors.add(sheet.getSheetName(), r + 1, "A", "duties.import.certificate", certificate,
						String.join("、", preset));
			}
			else if (certificates.contains(certificate)) {
				errors.add(sheet.getSheetName(), r + 1, "A", "duties.import.certificate-duplicate", certificate);
			}
			else {
				certificates.add(certificate);
			}
		}
	}

	/** The list as a workbook that {@link #read} reads back unchanged. */
	public byte[] write(DutyList list) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetFor(list.kind()));
			Row header = sheet.createRow(0);
			for (int c = 0; c < HEADERS.size(); c++) {
				header.createCell(c).setCellValue(HEADERS.get(c));
			}
			int r = 1;
			for (DutyItem item : list.items()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(item.itemCode());
				row.createCell(1).setCellValue(item.name());
				row.createCell(2).setCellValue(item.category().label());
				row.createCell(3).setCellValue(item.field() == null ? "" : item.field());
				row.createCell(4).setCellValue(item.leadDepartment() == null ? "" : item.leadDepartment());
				row.createCell(5).setCellValue(item.legalBasis() == null ? "" : item.legalBasis());
			}
			if (list.kind() == ListKind.ADMISSION) {
				Sheet certificates = workbook.createSheet(CERTIFICATE_SHEET);
				certificates.createRow(0).createCell(0).setCellValue(CERTIFICATE_HEADER);
				int c = 1;
				for (String certificate : list.certificates()) {
					certificates.createRow(c++).createCell(0).setCellValue(certificate);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot write a workbook", ex);
		}
	}

	private static String allowed(ListKind kind) {
		return String.join("、",
				java.util.Arrays.stream(Category.values()).filter(c -> c.list() == kind).map(Category::label).toList());
	}

	private static String column(int index) {
		return CellReference.convertNumToColString(index);
	}

	private static String text(DataFormatter format, @Nullable Cell cell) {
		return cell == null ? "" : format.formatCellValue(cell).strip();
	}

	private static boolean blank(DataFormatter format, Row row) {
		for (int c = 0; c < HEADERS.size(); c++) {
			if (!text(format, row.getCell(c)).isEmpty()) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable String empty(String text) {
		return text.isEmpty() ? null : text;
	}

	/** The errors found so far, each in both languages. */
	private final class Errors {

		final List<ImportErrors.Error> list = new ArrayList<>();

		boolean add(String sheet, int row, String column, String key, Object... args) {
			if (this.list.size() < MAX_ERRORS) {
				Bilingual.Text text = DutyWorkbook.this.messages.text(key, args);
				this.list.add(new ImportErrors.Error(sheet, row, column, text.zh(), text.en()));
			}
			return false;
		}

	}

}
