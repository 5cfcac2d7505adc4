package cn.jianfu.duties.internal;

import java.util.List;

/**
 * A workbook or file that could not be imported, with every error found: nothing of it
 * was written.
 */
public class ImportErrors extends RuntimeException {

	private final transient List<Error> errors;

	public ImportErrors(List<Error> errors) {
		super("import failed: " + errors.size() + " errors");
		this.errors = List.copyOf(errors);
	}

	public List<Error> errors() {
		return this.errors;
	}

	/**
	 * One error: where (sheet or file, row counted from 1 as the spreadsheet shows it,
	 * and column letter; empty when it concerns the whole sheet) and what, in both
	 * languages.
	 */
	public record Error(String sheet, int row, String column, String messageZh, String messageEn) {
	}

}
