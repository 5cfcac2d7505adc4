package cn.jianfu.catalogue.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an import did: nothing at all when there is an error (all or nothing), otherwise
 * how many rows it created, changed and ignored (unchanged or empty).
 */
public record ImportReport(String file, int imported, int updated, int ignored, List<CellError> errors) {

	public ImportReport {
		errors = List.copyOf(errors);
	}

	public boolean ok() {
		return this.errors.isEmpty();
	}

	/**
	 * One bad cell or row, named by file, sheet (null for CSV), row (1-based, as the
	 * spreadsheet shows it) and column (a letter for Excel, the header for CSV), with a
	 * stable code and the message in Chinese and English.
	 */
	public record CellError(String file, @Nullable String sheet, long row, String column, String code, String messageZh,
			String messageEn) {

		/** The cell as a spreadsheet names it: 指标!C7, or row 7 column name for CSV. */
		public String where() {
			return (this.sheet == null ? "" : this.sheet + "!") + this.column + this.row;
		}

		@Override
		public String toString() {
			return this.file + " " + where() + ": " + this.messageZh + " / " + this.messageEn;
		}

	}

}
