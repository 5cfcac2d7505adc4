package cn.jianfu.catalogue.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.catalogue.internal.ImportReport.CellError;
import cn.jianfu.catalogue.internal.Indicator.ValueType;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Bilingual;
import cn.jianfu.platform.Problem;

/**
 * A unit's sheet as an Excel workbook: downloaded pre-filled with what is known, filled
 * offline, uploaded again. The upload goes through {@link Entry#save} like the browser's
 * save (same validation, version check, lock and audit), all or nothing: one unreadable
 * or invalid cell and nothing is written, every error naming its cell ({@code 填报!C7}). A
 * repeated upload of the same file changes nothing: unchanged values are counted as
 * ignored and no version is added.
 * <p>
 * Layout of sheet {@value #SHEET}: a title row, then label/value rows 事项编号, 填报单位, 报告期,
 * 版本, then the header 代码 | 指标 | 填报值 | 计量单位 | 值类型 | 来源 and one row per field; rows may be
 * inserted above the header, note rows (注：…) and empty rows are skipped.
 */
@Component
public class EntryWorkbook {

	/** The sheet a unit fills. */
	public static final String SHEET = "填报";

	/** Most rows read from one sheet. */
	static final int MAX_ROWS = 5_000;

	static final List<String> HEADER = List.of("代码", "指标", "填报值", "计量单位", "值类型", "来源");

	private static final Map<String, String> META = Map.of("事项编号", "demand", "demand", "demand", "填报单位", "unit", "unit",
			"unit", "版本", "version", "version", "version");

	private final Entry entry;

	private final Bilingual messages;

	private final AuditLog audit;

	EntryWorkbook(Entry entry, Bilingual messages, AuditLog audit) {
		this.entry = entry;
		this.messages = messages;
		this.audit = audit;
	}

	/** The viewer's sheet of the form as a workbook, pre-filled. */
	public byte[] download(Viewer viewer, long demandId) {
		Entry.Sheet sheet = this.entry.sheet(viewer, demandId);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet s = workbook.createSheet(SHEET);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			s.createRow(0).createCell(0).setCellValue(sheet.title());
			s.getRow(0).getCell(0).setCellStyle(bold);
			meta(s, 1, "事项编号", String.valueOf(demandId), null);
			meta(s, 2, "填报单位", sheet.unitCode(), viewer.unitName());
			meta(s, 3, "报告期", sheet.period(), null);
			meta(s, 4, "版本", String.valueOf(sheet.version()), null);
			Row header = s.createRow(5);
			for (int c = 0; c < HEADER.size(); c++) {
				header.createCell(c).setCellValue(HEADER.get(c));
				header.getCell(c).setCellStyle(bold);
			}
			int r = 6;
			for (Entry.Cell cell : sheet.cells()) {
				Row row = s.createRow(r++);
				row.createCell(0).setCellValue(cell.code());
				row.createCell(1).setCellValue(cell.label());
				if (cell.value() != null) {
					boolean number = cell.valueType() == ValueType.INTEGER || cell.valueType() == ValueType.DECIMAL;
					if (number) {
						row.createCell(2).setCellValue(Double.parseDouble(cell.value()));
					}
					else {
						row.createCell(2).setCellValue(cell.value());
					}
				}
				row.createCell(3).setCellValue(cell.unit() == null ? "" : cell.unit());
				row.createCell(4).setCellValue(this.messages.text(cell.valueType().messageKey()).zh());
				row.createCell(5)
					.setCellValue(this.messages.text(sheet.entered().contains(cell.code()) ? "catalogue.entry.entered"
							: "catalogue.entry.source." + cell.source())
						.zh());
			}
			s.createRow(r + 1).createCell(0).setCellValue("注：只填写“填报值”一列，其余各列请勿修改；空白的填报值不会清除已有数据。上期数据请核对后保留或改正。");
			s.setColumnWidth(1, 40 * 256);
			s.setColumnWidth(2, 16 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void meta(XSSFSheet s, int r, String label, String value, @Nullable String extra) {
		Row row = s.createRow(r);
		row.createCell(0).setCellValue(label);
		row.createCell(1).setCellValue(value);
		if (extra != null) {
			row.createCell(2).setCellValue(extra);
		}
	}

	/** One field row of an uploaded sheet. */
	record Line(long row, String code, String value) {
	}

	/** What an uploaded workbook holds, or its errors. */
	record Read(String sheet, Map<String, String> meta, Map<String, long[]> at, int valueColumn, List<Line> lines,
			List<CellError> errors) {

		String value(String key) {
			return this.meta.getOrDefault(key, "");
		}

	}

	/**
	 * Imports a filled workbook into the viewer's sheet of the form, all or nothing. Not
	 * a transaction of its own: the one write, {@link Entry#save}, is, so that a refusal
	 * of the save rolls back everything and is still reported with its cell.
	 * @param submit whether to submit the sheet after the import
	 * @return the counts, or every error with its cell and nothing written
	 */
	public ImportReport importFile(Viewer viewer, long demandId, String file, byte[] bytes, boolean submit) {
		Entry.Sheet sheet = this.entry.sheet(viewer, demandId);
		if (sheet.locked()) {
			throw Problem.conflict("catalogue.entry.locked", sheet.period(), sheet.locksAfter());
		}
		Read read = read(file, bytes);
		List<CellError> errors = new ArrayList<>(read.errors());
		boolean identified = read.meta().size() == 3;
		if (identified) {
			if (!read.value("demand").equals(String.valueOf(demandId))) {
				errors.add(error(file, read, "demand", "wrong-form", read.value("demand"), demandId));
			}
			if (!read.value("unit").equals(viewer.unitCode())) {
				errors.add(error(file, read, "unit", "wrong-unit", read.value("unit"), viewer.unitCode()));
			}
			if (!read.value("version").matches("\\d{1,9}")) {
				errors.add(error(file, read, "version", "bad-version", read.value("version")));
			}
		}
		Map<String, Entry.Cell> byCode = new LinkedHashMap<>();
		sheet.cells().forEach(c -> byCode.put(c.code(), c));
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, Long> rows = new LinkedHashMap<>();
		int imported = 0;
		int updated = 0;
		int ignored = 0;
		String column = Sheets.column(read.valueColumn());
		// the rows are checked only in a workbook of this form and unit
		for (Line line : errors.stream()
			.anyMatch(e -> !e.code().endsWith("formula-error") && !e.code().endsWith("formula-no-value")
					&& !e.code().endsWith("no-code")) ? List.<Line>of() : read.lines()) {
			Long earlier = rows.putIfAbsent(line.code(), line.row());
			if (earlier != null) {
				errors.add(error(file, read.sheet(), line.row(), "A", "duplicate-row", line.code(), earlier));
				continue;
			}
			Entry.Cell cell = byCode.get(line.code());
			if (cell == null || line.value().isEmpty()) {
				ignored++;
				continue;
			}
			String value;
			try {
				value = Entry.validate(cell, line.value());
			}
			catch (Problem problem) {
				Bilingual.Text text = this.messages.text(problem.messageKey(), problem.args());
				errors.add(new CellError(file, read.sheet(), line.row(), column, problem.code(), text.zh(), text.en()));
				continue;
			}
			boolean held = cell.source() == Entry.Source.CATALOGUE;
			if (held && value.equals(cell.value())) {
				ignored++;
				continue;
			}
			values.put(cell.code(), value);
			if (held) {
				updated++;
			}
			else {
				imported++;
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(java.util.Comparator.comparingLong(CellError::row).thenComparing(CellError::column));
			this.audit.record(new AuditEvent(viewer.username(), "catalogue.sheet-imported", AuditResult.FAILURE,
					"demand:" + demandId + "/unit:" + viewer.unitCode(),
					file + ": " + errors.size() + " errors, first: " + errors.get(0)));
			return new ImportReport(file, 0, 0, 0, errors);
		}
		boolean submits = submit && !sheet.status().equals("SUBMITTED");
		if (!values.isEmpty() || submits) {
			try {
				this.entry.save(viewer, demandId, Integer.parseInt(read.value("version")), values, submit);
			}
			catch (Problem problem) {
				if (problem.status() != HttpStatus.BAD_REQUEST) {
					throw problem;
				}
				Bilingual.Text text = this.messages.text(problem.messageKey(), problem.args());
				// the field the refusal names (missing, or the total of a cross-field
				// rule)
				List<String> named = java.util.Arrays.stream(problem.args()).map(String::valueOf).toList();
				long row = sheet.cells()
					.stream()
					.filter(c -> named.contains(c.label()))
					.map(c -> rows.getOrDefault(c.code(), 0L))
					.filter(r -> r > 0)
					.findFirst()
					.orElse(0L);
				return new ImportReport(file, 0, 0, 0, List.of(new CellError(file, read.sheet(), row == 0 ? 1 : row,
						row == 0 ? "-" : column, problem.code(), text.zh(), text.en())));
			}
		}
		this.audit.record(new AuditEvent(viewer.username(), "catalogue.sheet-imported", AuditResult.SUCCESS,
				"demand:" + demandId + "/unit:" + viewer.unitCode(), file + ": imported=" + imported + " updated="
						+ updated + " ignored=" + ignored + (submits ? ", submitted" : "")));
		return new ImportReport(file, imported, updated, ignored, List.of());
	}

	/** Reads the sheet's identification and field rows; errors name their cells. */
	Read read(String file, byte[] bytes) {
		try (XSSFWorkbook workbook = Sheets.open(bytes)) {
			XSSFSheet sheet = workbook.getSheet(SHEET);
			if (sheet == null) {
				for (int i = 0; i < workbook.getNumberOfSheets() && sheet == null; i++) {
					if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
						sheet = workbook.getSheetAt(i);
					}
				}
			}
			if (sheet == null) {
				return failed(file, "no-sheet");
			}
			String name = sheet.getSheetName();
			if (sheet.getLastRowNum() >= MAX_ROWS) {
				return failed(error(file, name, sheet.getLastRowNum() + 1, "A", "too-many-rows", MAX_ROWS));
			}
			List<CellError> errors = new ArrayList<>();
			Map<String, long[]> meta = new LinkedHashMap<>();
			Map<String, String> metaValues = new LinkedHashMap<>();
			int header = -1;
			int codeColumn = 0;
			int valueColumn = -1;
			List<Line> lines = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				if (header < 0) {
					String label = cellText(file, name, row, 0, errors).toLowerCase(Locale.ROOT);
					if (label.equals("代码") || label.equals("code")) {
						header = r;
						for (int c = 0; c < row.getLastCellNum(); c++) {
							String h = cellText(file, name, row, c, errors).toLowerCase(Locale.ROOT);
							if (h.equals("填报值") || h.equals("value")) {
								valueColumn = c;
							}
						}
						if (valueColumn < 0) {
							errors.add(error(file, name, r + 1, "-", "no-value-column"));
						}
					}
					else if (META.containsKey(label)) {
						meta.put(META.get(label), new long[] { r + 1, 1 });
						metaValues.put(META.get(label), cellText(file, name, row, 1, errors));
					}
					continue;
				}
				if (valueColumn < 0) {
					break;
				}
				String code = cellText(file, name, row, codeColumn, errors);
				String value = cellText(file, name, row, valueColumn, errors);
				boolean note = code.startsWith("注") || code.startsWith("说明") || code.startsWith("备注")
						|| code.toLowerCase(Locale.ROOT).startsWith("note");
				if (note || (code.isEmpty() && !value.matches(".*[0-9０-９].*"))) {
					continue;
				}
				if (code.isEmpty()) {
					errors.add(error(file, name, r + 1, Sheets.column(codeColumn), "no-code", value));
					continue;
				}
				lines.add(new Line(r + 1, code, value));
			}
			if (header < 0) {
				errors.add(error(file, name, 1, "A", "no-header"));
			}
			for (String key : List.of("demand", "unit", "version")) {
				if (header >= 0 && !metaValues.containsKey(key)) {
					errors.add(error(file, name, header + 1, "A", "no-meta", key));
				}
			}
			return new Read(name, metaValues, meta, Math.max(valueColumn, 0), lines, errors);
		}
		catch (Sheets.Unreadable ex) {
			return failed(file, ex.code());
		}
		catch (IOException ex) {
			return failed(file, "unreadable");
		}
	}

	/**
	 * A cell's text with formulas by their cached value; an unreadable cell is an error.
	 */
	private String cellText(String file, String sheet, Row row, int column, List<CellError> errors) {
		try {
			return Sheets.cachedText(row.getCell(column));
		}
		catch (IllegalStateException ex) {
			errors.add(error(file, sheet, row.getRowNum() + 1, Sheets.column(column), ex.getMessage()));
			return "";
		}
	}

	private Read failed(String file, String code) {
		return failed(error(file, null, 1, "-", code));
	}

	private static Read failed(CellError error) {
		return new Read(SHEET, Map.of(), Map.of(), 0, List.of(), List.of(error));
	}

	CellError error(String file, @Nullable String sheet, long row, String column, String code, Object... args) {
		String key = code.equals("no-sheet") || code.equals("xls") || code.equals("too-large")
				|| code.equals("unreadable") ? "catalogue.import." + code : "catalogue.entry-import." + code;
		Bilingual.Text text = this.messages.text(key, args);
		return new CellError(file, sheet, row, column, "catalogue.entry-import." + code, text.zh(), text.en());
	}

	/** An error at the value cell of an identification row (事项编号, 填报单位, 版本). */
	CellError error(String file, Read read, String key, String code, Object... args) {
		long[] at = read.at().getOrDefault(key, new long[] { 1, 1 });
		return error(file, read.sheet(), at[0], Sheets.column((int) at[1]), code, args);
	}

}
