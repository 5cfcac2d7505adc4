package cn.jianfu.ledger.internal;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One dashboard table, as the page shows it (with a chart of its {@code chartColumn}) and
 * as it is exported to CSV and Excel: headers are message keys, cells are text, a message
 * key or a number, optionally with a link to drill down.
 */
public record Table(String key, List<String> headerKeys, List<List<Cell>> rows, int chartColumn, String chart) {

	public Table {
		headerKeys = List.copyOf(headerKeys);
		rows = List.copyOf(rows);
	}

	/** Sum of a numeric column, for totals and tests. */
	public BigDecimal sum(int column) {
		return this.rows.stream()
			.map(r -> r.get(column).number())
			.filter(n -> n != null)
			.map(n -> new BigDecimal(n.toString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** A table cell: exactly one of text, message key and number is set. */
	public record Cell(@Nullable String text, @Nullable String key, @Nullable Number number, @Nullable String href) {

		public static Cell text(@Nullable String text) {
			return new Cell(text == null ? "" : text, null, null, null);
		}

		public static Cell key(String key) {
			return new Cell(null, key, null, null);
		}

		public static Cell number(@Nullable Number number) {
			return new Cell(null, null, number == null ? BigDecimal.ZERO : number, null);
		}

		public static Cell link(@Nullable String text, String href) {
			return new Cell(text == null ? "" : text, null, null, href);
		}

	}

}
