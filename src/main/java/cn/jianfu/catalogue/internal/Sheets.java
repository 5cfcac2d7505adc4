package cn.jianfu.catalogue.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * Opening uploaded workbooks safely and reading cells as text: only {@code .xlsx} (an old
 * {@code .xls} gets a clear error), within a size limit, with POI's zip-bomb guard, and
 * formulas refused rather than guessed.
 */
public final class Sheets {

	/** Largest workbook accepted. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private static final byte[] ZIP = { 0x50, 0x4B, 0x03, 0x04 };

	private Sheets() {
	}

	/** Whether the bytes look like a workbook of any age (zip or OLE2). */
	public static boolean looksLikeWorkbook(byte[] bytes) {
		return startsWith(bytes, ZIP) || startsWith(bytes, OLE2);
	}

	/**
	 * Opens an {@code .xlsx}; a problem code ({@code xls}, {@code too-large},
	 * {@code unreadable}) in the exception otherwise.
	 */
	public static XSSFWorkbook open(byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw new Unreadable("too-large");
		}
		if (startsWith(bytes, OLE2)) {
			throw new Unreadable("xls");
		}
		if (!startsWith(bytes, ZIP)) {
			throw new Unreadable("unreadable");
		}
		try {
			return new XSSFWorkbook(new ByteArrayInputStream(bytes));
		}
		catch (IOException | RuntimeException ex) {
			throw new Unreadable("unreadable");
		}
	}

	/**
	 * A cell's text, trimmed: numbers without a trailing .0, dates as ISO; empty for a
	 * blank cell; a formula is an {@link IllegalStateException}.
	 */
	public static String text(@Nullable Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			throw new IllegalStateException("formula");
		}
		return switch (type) {
			case STRING -> cell.getStringCellValue().strip();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			case NUMERIC -> DateUtil.isCellDateFormatted(cell)
					? cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
					: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			default -> "";
		};
	}

	/**
	 * A cell's text as {@link #text} reads it, but a formula by the result Excel cached
	 * when the file was last saved (a figure summed in the sheet is what the person saw);
	 * a formula without a cached result or with an error result is an
	 * {@link IllegalStateException} ({@code formula-no-value}, {@code formula-error}). A
	 * number formatted as a percentage is read as the percentage shown (0.125 → 12.5).
	 */
	public static String cachedText(@Nullable Cell cell) {
		if (cell == null || cell.getCellType() != CellType.FORMULA) {
			return percentShown(cell, text(cell));
		}
		if (cell instanceof org.apache.poi.xssf.usermodel.XSSFCell x && !x.getCTCell().isSetV()) {
			throw new IllegalStateException("formula-no-value");
		}
		return switch (cell.getCachedFormulaResultType()) {
			case STRING -> cell.getStringCellValue().strip();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			case NUMERIC -> percentShown(cell,
					DateUtil.isCellDateFormatted(cell)
							? cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
							: BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
			case ERROR -> throw new IllegalStateException("formula-error");
			default -> "";
		};
	}

	private static String percentShown(@Nullable Cell cell, String text) {
		if (cell == null || text.isEmpty() || cell.getCellStyle() == null
				|| !cell.getCellStyle().getDataFormatString().contains("%")
				|| (cell.getCellType() != CellType.NUMERIC && (cell.getCellType() != CellType.FORMULA
						|| cell.getCachedFormulaResultType() != CellType.NUMERIC))) {
			return text;
		}
		return new BigDecimal(text).movePointRight(2).stripTrailingZeros().toPlainString();
	}

	/** A column's letters: 0 → A. */
	public static String column(int index) {
		return CellReference.convertNumToColString(index);
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	/** A workbook that cannot be read, with a stable code. */
	public static final class Unreadable extends RuntimeException {

		private final String code;

		Unreadable(String code) {
			super(code);
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

}
