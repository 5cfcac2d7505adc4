package cn.jianfu.catalogue.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.jianfu.catalogue.internal.ImportReport.CellError;
import cn.jianfu.catalogue.internal.Indicator.Aggregation;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.Indicator.ValueType;
import cn.jianfu.platform.Bilingual;

/**
 * Reads and writes the catalogue as CSV (UTF-8, with a BOM for Excel) and as Excel: one
 * row per indicator under a header row whose columns may be named in Chinese or English,
 * in any order. Reading collects every error with its file, sheet, row and column, and
 * returns indicators only when there is none.
 */
@Component
public class IndicatorFiles {

	/** The columns, Chinese header first; the English one is accepted too. */
	static final List<String[]> COLUMNS = List.of(new String[] { "代码", "code" }, new String[] { "名称", "name" },
			new String[] { "定义", "definition" }, new String[] { "计量单位", "unit" }, new String[] { "值类型", "value_type" },
			new String[] { "汇总方式", "aggregation" }, new String[] { "报告周期", "period_type" },
			new String[] { "主管部门", "owner_department" }, new String[] { "法定依据", "legal_basis" },
			new String[] { "分组", "disaggregation" }, new String[] { "起始日期", "valid_from" },
			new String[] { "终止日期", "valid_to" });

	static final Map<String, ValueType> VALUE_TYPES = Map.of("整数", ValueType.INTEGER, "小数", ValueType.DECIMAL, "百分比",
			ValueType.PERCENT, "文本", ValueType.TEXT, "是否", ValueType.YES_NO);

	static final Map<String, Aggregation> AGGREGATIONS = Map.of("求和", Aggregation.SUM, "平均", Aggregation.AVERAGE, "不汇总",
			Aggregation.NONE);

	static final Map<String, PeriodType> PERIOD_TYPES = Map.of("月", PeriodType.MONTH, "季", PeriodType.QUARTER, "年",
			PeriodType.YEAR, "一次性", PeriodType.ONCE);

	/** Most rows one file may hold. */
	static final int MAX_ROWS = 50_000;

	private final Bilingual messages;

	IndicatorFiles(Bilingual messages) {
		this.messages = messages;
	}

	/** The indicators of a file, or its errors. */
	public record Parsed(List<Indicator> indicators, List<CellError> errors) {
	}

	public Parsed read(String file, byte[] bytes) {
		if (Sheets.looksLikeWorkbook(bytes)) {
			return readExcel(file, bytes);
		}
		return readCsv(file, bytes);
	}

	Parsed readCsv(String file, byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new Parsed(List.of(), List.of(error(file, null, 1, "-", "encoding")));
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<List<String>> rows = new ArrayList<>();
		try {
			for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text))) {
				List<String> cells = new ArrayList<>();
				record.forEach(cell -> cells.add(unguarded(cell)));
				rows.add(cells);
				if (rows.size() > MAX_ROWS + 1) {
					return new Parsed(List.of(),
							List.of(error(file, null, rows.size(), "-", "too-many-rows", MAX_ROWS)));
				}
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			return new Parsed(List.of(), List.of(error(file, null, rows.size() + 1, "-", "csv-malformed")));
		}
		return parse(file, null, rows, c -> rows.get(0).get(c).strip());
	}

	Parsed readExcel(String file, byte[] bytes) {
		try (XSSFWorkbook workbook = Sheets.open(bytes)) {
			Sheet sheet = null;
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
					sheet = workbook.getSheetAt(i);
					break;
				}
			}
			if (sheet == null) {
				return new Parsed(List.of(), List.of(error(file, null, 1, "-", "no-sheet")));
			}
			if (sheet.getLastRowNum() > MAX_ROWS) {
				return new Parsed(List.of(), List
					.of(error(file, sheet.getSheetName(), sheet.getLastRowNum() + 1, "-", "too-many-rows", MAX_ROWS)));
			}
			List<CellError> errors = new ArrayList<>();
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
						try {
							cells.add(Sheets.text(row.getCell(c)));
						}
						catch (IllegalStateException ex) {
							errors.add(error(file, sheet.getSheetName(), r + 1, Sheets.column(c), "formula"));
							cells.add("");
						}
					}
				}
				rows.add(cells);
			}
			Parsed parsed = parse(file, sheet.getSheetName(), rows, Sheets::column);
			errors.addAll(parsed.errors());
			return errors.isEmpty() ? parsed : new Parsed(List.of(), errors);
		}
		catch (Sheets.Unreadable ex) {
			return new Parsed(List.of(), List.of(error(file, null, 1, "-", ex.code())));
		}
		catch (IOException ex) {
			return new Parsed(List.of(), List.of(error(file, null, 1, "-", "unreadable")));
		}
	}

	/**
	 * The rows under the header: every column by header name; {@code columnName} turns a
	 * column index (CSV: its header) into what an error names.
	 */
	private Parsed parse(String file, @Nullable String sheet, List<List<String>> rows,
			Function<Integer, String> columnName) {
		List<CellError> errors = new ArrayList<>();
		if (rows.isEmpty() || rows.get(0).stream().allMatch(String::isBlank)) {
			return new Parsed(List.of(), List.of(error(file, sheet, 1, "-", "no-header")));
		}
		List<String> header = rows.get(0);
		Map<String, Integer> index = new HashMap<>();
		for (int c = 0; c < header.size(); c++) {
			String name = header.get(c).strip().toLowerCase(Locale.ROOT);
			for (String[] column : COLUMNS) {
				if (name.equals(column[0]) || name.equals(column[1])) {
					index.put(column[1], c);
				}
			}
		}
		for (String required : List.of("code", "name", "value_type", "aggregation", "period_type")) {
			if (!index.containsKey(required)) {
				errors.add(error(file, sheet, 1, required, "missing-column", required));
			}
		}
		if (!errors.isEmpty()) {
			return new Parsed(List.of(), errors);
		}
		Map<String, Long> seen = new LinkedHashMap<>();
		List<Indicator> indicators = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> cells = rows.get(r);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			long rowNumber = r + 1;
			Cells row = new Cells(file, sheet, rowNumber, cells, index, columnName, errors);
			String code = row.required("code");
			if (code != null
					&& (code.length() > Indicator.CODE_LENGTH || !code.matches("[A-Za-z0-9][A-Za-z0-9._-]*"))) {
				row.fail("code", "bad-code");
				code = null;
			}
			if (code != null && seen.putIfAbsent(code, rowNumber) != null) {
				row.fail("code", "duplicate-code", code, seen.get(code));
			}
			String name = row.required("name");
			if (name != null && name.length() > Indicator.NAME_LENGTH) {
				row.fail("name", "too-long", Indicator.NAME_LENGTH);
			}
			ValueType type = row.choice("value_type", VALUE_TYPES, ValueType.class);
			Aggregation aggregation = row.choice("aggregation", AGGREGATIONS, Aggregation.class);
			PeriodType period = row.choice("period_type", PERIOD_TYPES, PeriodType.class);
			LocalDate from = row.date("valid_from");
			LocalDate to = row.date("valid_to");
			if (from != null && to != null && to.isBefore(from)) {
				row.fail("valid_to", "dates-reversed");
			}
			if (aggregation != null && type != null && aggregation == Aggregation.SUM
					&& (type == ValueType.TEXT || type == ValueType.YES_NO || type == ValueType.PERCENT)) {
				row.fail("aggregation", "sum-not-additive");
			}
			if (code != null && name != null && type != null && aggregation != null && period != null) {
				indicators.add(new Indicator(code, name, row.optional("definition", 2000), row.optional("unit", 40),
						type, aggregation, period, row.optional("owner_department", 200),
						row.optional("legal_basis", 500), row.optional("disaggregation", 200), from, to));
			}
		}
		return errors.isEmpty() ? new Parsed(indicators, List.of()) : new Parsed(List.of(), errors);
	}

	CellError error(String file, @Nullable String sheet, long row, String column, String code, Object... args) {
		Bilingual.Text text = this.messages.text("catalogue.import." + code, args);
		return new CellError(file, sheet, row, column, code, text.zh(), text.en());
	}

	/** One row's cells by column name, collecting errors. */
	private final class Cells {

		private final String file;

		private final @Nullable String sheet;

		private final long row;

		private final List<String> cells;

		private final Map<String, Integer> index;

		private final Function<Integer, String> columnName;

		private final List<CellError> errors;

		Cells(String file, @Nullable String sheet, long row, List<String> cells, Map<String, Integer> index,
				Function<Integer, String> columnName, List<CellError> errors) {
			this.file = file;
			this.sheet = sheet;
			this.row = row;
			this.cells = cells;
			this.index = index;
			this.columnName = columnName;
			this.errors = errors;
		}

		String get(String column) {
			Integer c = this.index.get(column);
			return (c == null || c >= this.cells.size()) ? "" : this.cells.get(c).strip();
		}

		void fail(String column, String code, Object... args) {
			Integer c = this.index.get(column);
			String name = c == null ? column : this.columnName.apply(c);
			this.errors.add(error(this.file, this.sheet, this.row, name, code, args));
		}

		@Nullable String required(String column) {
			String value = get(column);
			if (value.isEmpty()) {
				fail(column, "required", column);
				return null;
			}
			return value;
		}

		@Nullable String optional(String column, int max) {
			String value = get(column);
			if (value.length() > max) {
				fail(column, "too-long", max);
				return null;
			}
			return value.isEmpty() ? null : value;
		}

		<E extends Enum<E>> @Nullable E choice(String column, Map<String, E> chinese, Class<E> type) {
			String value = required(column);
			if (value == null) {
				return null;
			}
			E found = chinese.get(value);
			if (found != null) {
				return found;
			}
			try {
				return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException ex) {
				fail(column, "bad-choice", value, String.join("、", chinese.keySet()));
				return null;
			}
		}

		@Nullable LocalDate date(String column) {
			String value = get(column);
			if (value.isEmpty()) {
				return null;
			}
			try {
				return LocalDate.parse(value.replace('/', '-').replace('.', '-'));
			}
			catch (DateTimeParseException ex) {
				fail(column, "bad-date", value);
				return null;
			}
		}

	}

	/** The catalogue as CSV, UTF-8 with a BOM so that Excel opens it in Chinese. */
	public byte[] csv(List<Indicator> indicators) {
		StringBuilder out = new StringBuilder("\uFEFF");
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			printer.printRecord(COLUMNS.stream().map(c -> c[0]).toList());
			for (Indicator i : indicators) {
				printer.printRecord(cells(i).stream().map(IndicatorFiles::guarded).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The catalogue as an Excel workbook with one sheet 指标. */
	public byte[] xlsx(List<Indicator> indicators) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("指标");
			Row header = sheet.createRow(0);
			for (int c = 0; c < COLUMNS.size(); c++) {
				header.createCell(c).setCellValue(COLUMNS.get(c)[0]);
			}
			int r = 1;
			for (Indicator i : indicators) {
				Row row = sheet.createRow(r++);
				List<String> cells = cells(i);
				for (int c = 0; c < cells.size(); c++) {
					row.createCell(c).setCellValue(cells.get(c));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> cells(Indicator i) {
		return List.of(i.code(), i.name(), text(i.definition()), text(i.unitOfMeasure()),
				chinese(VALUE_TYPES, i.valueType()), chinese(AGGREGATIONS, i.aggregation()),
				chinese(PERIOD_TYPES, i.periodType()), text(i.ownerDepartment()), text(i.legalBasis()),
				text(i.disaggregation()), i.validFrom() == null ? "" : i.validFrom().toString(),
				i.validTo() == null ? "" : i.validTo().toString());
	}

	/**
	 * A CSV cell a spreadsheet would take for a formula (= + - @ first) is written with
	 * an apostrophe in front, which {@link #unguarded} takes off again on import, so an
	 * export re-imports unchanged.
	 */
	static String guarded(String cell) {
		return Rollup.startsLikeFormula(cell) ? "'" + cell : cell;
	}

	static String unguarded(String cell) {
		return cell.length() > 1 && cell.charAt(0) == '\'' && Rollup.startsLikeFormula(cell.substring(1))
				? cell.substring(1) : cell;
	}

	private static <E> String chinese(Map<String, E> names, E value) {
		return names.entrySet()
			.stream()
			.filter(e -> e.getValue() == value)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

}
