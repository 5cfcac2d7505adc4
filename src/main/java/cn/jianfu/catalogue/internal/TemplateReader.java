package cn.jianfu.catalogue.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Takes the proposed fields out of an Excel report template as departments use them
 * today: a title row, a 填报单位/单位 row, one to four header rows with merged parent cells
 * (城乡低保 over 户数（户） and 人数（人）), units in brackets, blank or sample data rows and note rows
 * (注：…). A field's name joins its header cells from top to bottom; columns that identify
 * the reporting unit (序号, 单位名称, 村（社区）…) are not fields.
 */
public final class TemplateReader {

	static final int MAX_HEADER_ROWS = 4;

	static final int MAX_COLUMNS = 300;

	static final Set<String> IDENTIFIERS = Set.of("序号", "编号", "单位", "单位名称", "填报单位", "村(社区)", "村(居)", "村", "社区", "村名",
			"乡镇(街道)", "乡镇", "街道", "镇街", "名称", "备注", "填报人", "联系电话", "联系人", "地区", "区域", "行政区划", "项目", "指标");

	private static final Pattern UNIT = Pattern.compile("[(（]([^()（）]{1,8})[)）]\\s*$");

	private static final Pattern META = Pattern
		.compile("^(填报单位|填表单位|报送单位|单位|填报人|填表人|审核人|负责人|联系电话|填报日期|报送日期|注|说明|填表说明)\\s*[:：].*");

	private TemplateReader() {
	}

	/**
	 * One proposed field: its joined header name, the unit found in it, and its column.
	 */
	public record Field(String name, @Nullable String unit, String sheet, String column) {
	}

	/** The fields, or the reason none could be read (a stable code) and where. */
	public record Result(List<Field> fields, @Nullable String error, @Nullable String where) {
	}

	public static Result read(byte[] bytes) {
		try (XSSFWorkbook workbook = Sheets.open(bytes)) {
			Sheet sheet = null;
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
					sheet = workbook.getSheetAt(i);
					break;
				}
			}
			if (sheet == null) {
				return new Result(List.of(), "no-sheet", null);
			}
			return read(sheet);
		}
		catch (Sheets.Unreadable ex) {
			return new Result(List.of(), ex.code(), null);
		}
		catch (IOException ex) {
			return new Result(List.of(), "unreadable", null);
		}
	}

	static Result read(Sheet sheet) {
		int lastRow = Math.min(sheet.getLastRowNum(), 200);
		int width = 0;
		for (int r = 0; r <= lastRow; r++) {
			Row row = sheet.getRow(r);
			if (row != null) {
				width = Math.max(width, row.getLastCellNum());
			}
		}
		width = Math.min(width, MAX_COLUMNS);
		String[][] grid = new String[lastRow + 1][width];
		for (int r = 0; r <= lastRow; r++) {
			Row row = sheet.getRow(r);
			for (int c = 0; c < width; c++) {
				String text;
				try {
					text = row == null ? "" : Sheets.text(row.getCell(c));
				}
				catch (IllegalStateException formula) {
					text = "";
				}
				grid[r][c] = lines(text);
			}
		}
		boolean[][] horizontal = new boolean[lastRow + 1][width];
		boolean[][] vertical = new boolean[lastRow + 1][width];
		for (CellRangeAddress region : sheet.getMergedRegions()) {
			int top = region.getFirstRow();
			int left = region.getFirstColumn();
			if (top > lastRow || left >= width) {
				continue;
			}
			String value = grid[top][left];
			for (int r = top; r <= Math.min(region.getLastRow(), lastRow); r++) {
				for (int c = left; c <= Math.min(region.getLastColumn(), width - 1); c++) {
					grid[r][c] = value;
					horizontal[r][c] = region.getLastColumn() > region.getFirstColumn();
					vertical[r][c] = r > top;
				}
			}
		}
		int start = -1;
		for (int r = 0; r <= lastRow && start < 0; r++) {
			if (distinct(grid[r]) >= 2 && !meta(grid[r])) {
				start = r;
			}
		}
		if (start < 0) {
			return new Result(List.of(), "no-header", sheet.getSheetName());
		}
		int end = start;
		while (end + 1 <= lastRow && end + 1 - start < MAX_HEADER_ROWS
				&& continues(grid, horizontal, vertical, end + 1)) {
			end++;
		}
		List<Field> fields = new ArrayList<>();
		for (int c = 0; c < width; c++) {
			List<String> parts = new ArrayList<>();
			for (int r = start; r <= end; r++) {
				String text = grid[r][c];
				if (!text.isEmpty() && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(text))) {
					parts.add(text);
				}
			}
			if (parts.isEmpty()) {
				continue;
			}
			String first = NameSlots.fold(parts.get(0));
			if (IDENTIFIERS.contains(first) || IDENTIFIERS.contains(NameSlots.fold(parts.get(parts.size() - 1)))) {
				continue;
			}
			StringBuilder name = new StringBuilder();
			for (String part : parts) {
				name.append(part.replace("合计", "").replace("小计", ""));
			}
			String joined = name.toString().strip();
			if (joined.isEmpty()) {
				continue;
			}
			Matcher unit = UNIT.matcher(joined);
			fields.add(new Field(
					joined.length() > Indicator.NAME_LENGTH ? joined.substring(0, Indicator.NAME_LENGTH) : joined,
					unit.find() ? unit.group(1).strip() : null, sheet.getSheetName(), Sheets.column(c)));
		}
		if (fields.isEmpty()) {
			return new Result(List.of(), "no-fields", sheet.getSheetName() + "!" + (start + 1));
		}
		return new Result(fields, null, null);
	}

	/**
	 * Whether a row continues the header: a cell merged down from above, or text under a
	 * cell merged across columns, and no numbers.
	 */
	private static boolean continues(String[][] grid, boolean[][] horizontal, boolean[][] vertical, int r) {
		boolean mergedDown = false;
		boolean underParent = false;
		for (int c = 0; c < grid[r].length; c++) {
			if (grid[r][c].matches("-?[0-9.,]+")) {
				return false;
			}
			mergedDown |= vertical[r][c];
			underParent |= !grid[r][c].isEmpty() && !vertical[r][c] && horizontal[r - 1][c];
		}
		return (mergedDown || underParent) && !meta(grid[r]);
	}

	private static long distinct(String[] row) {
		return java.util.Arrays.stream(row).filter(s -> !s.isEmpty()).distinct().count();
	}

	private static boolean meta(String[] row) {
		return java.util.Arrays.stream(row)
			.filter(s -> !s.isEmpty())
			.anyMatch(s -> META.matcher(NameSlots.fold(s)).matches());
	}

	/**
	 * A header cell's text on one line: a line break typed in a Chinese header
	 * (运营补贴⏎（万元）) joins without a space, one between two Latin letters or digits keeps a
	 * space.
	 */
	static String lines(String text) {
		String[] parts = text.strip().split("\\s*[\\r\\n]+\\s*");
		StringBuilder joined = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			if (parts[i].isEmpty()) {
				continue;
			}
			char before = joined.isEmpty() ? ' ' : joined.charAt(joined.length() - 1);
			if (latin(before) && latin(parts[i].charAt(0))) {
				joined.append(' ');
			}
			joined.append(parts[i]);
		}
		return joined.toString().strip();
	}

	private static boolean latin(char c) {
		return c < 128 && Character.isLetterOrDigit(c);
	}

}
