package cn.jianfu.feedback.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published statistics of reports: counts by category or by issuer and month of a year,
 * with row and column totals, after small-cell suppression ({@link SmallCells}).
 */
@Component
public class Statistics {

	private final Reports reports;

	Statistics(Reports reports) {
		this.reports = reports;
	}

	/**
	 * A published table: row labels, twelve months plus the total column; a null cell is
	 * suppressed (shown as "<5").
	 */
	public record Table(String by, int year, List<String> rows, List<List<@Nullable Long>> cells,
			List<@Nullable Long> monthTotals, @Nullable Long total) {
	}

	/** Reports of the year by {@code category} or {@code issuer} and month. */
	@Transactional(readOnly = true)
	public Table table(int year, String by) {
		Function<Reports.Count, String> key = switch (by) {
			case "category" -> Reports.Count::category;
			case "issuer" -> c -> c.issuer().isEmpty() ? "—" : c.issuer();
			default -> throw cn.jianfu.platform.Problem.badRequest("statistics.by.invalid");
		};
		Map<String, long[]> rows = by.equals("category") ? new java.util.LinkedHashMap<>() : new TreeMap<>();
		if (by.equals("category")) {
			for (Category category : Category.values()) {
				rows.put(category.name(), new long[12]);
			}
		}
		for (Reports.Count count : this.reports.counts(year)) {
			rows.computeIfAbsent(key.apply(count), k -> new long[12])[count.month() - 1]++;
		}
		return table(by, year, rows);
	}

	static Table table(String by, int year, Map<String, long[]> rows) {
		List<String> labels = new ArrayList<>(rows.keySet());
		long[][] counts = rows.values().toArray(new long[0][]);
		if (counts.length == 0) {
			counts = new long[0][12];
		}
		@Nullable Long[][] published = SmallCells.publish(counts.length == 0 ? new long[][] { new long[12] } : counts);
		List<List<@Nullable Long>> cells = new ArrayList<>();
		for (int i = 0; i < labels.size(); i++) {
			cells.add(java.util.Arrays.asList(published[i]));
		}
		int last = published.length - 1;
		List<@Nullable Long> totals = java.util.Arrays.asList(published[last]).subList(0, 12);
		return new Table(by, year, labels, cells, totals, published[last][12]);
	}

}
