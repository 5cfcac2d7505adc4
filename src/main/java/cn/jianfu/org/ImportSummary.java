package cn.jianfu.org;

import java.util.List;

/**
 * What an import did, or would do in a dry run: rows created, updated and ignored
 * (unchanged), and the errors with their row numbers. An import with errors writes
 * nothing.
 */
public record ImportSummary(String file, boolean dryRun, int created, int updated, int ignored, List<RowError> errors) {

	public ImportSummary {
		errors = List.copyOf(errors);
	}

	public boolean ok() {
		return this.errors.isEmpty();
	}

	public boolean written() {
		return ok() && !this.dryRun;
	}

	/**
	 * One bad row: the row number in the file (the header is row 1), the field, a stable
	 * code and the message in Chinese and English.
	 */
	public record RowError(long row, String field, String code, String messageZh, String messageEn) {

		@Override
		public String toString() {
			return "row " + this.row + ", " + this.field + ": " + this.messageZh + " / " + this.messageEn;
		}

	}

}
