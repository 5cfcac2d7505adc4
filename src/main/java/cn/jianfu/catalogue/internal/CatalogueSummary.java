package cn.jianfu.catalogue.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.catalogue.internal.Indicator.Aggregation;
import cn.jianfu.catalogue.internal.Indicator.ValueType;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The county summary fed by entered values: per numeric indicator (sum or average),
 * period and higher unit (township, county, city where the org tree has one) the total
 * and the number of submitted values under it. Refreshed from the sheets submitted or
 * changed since the last refresh (with a margin for transactions that commit late), by
 * re-counting each affected cell from the values, so a refresh is idempotent. Read by the
 * summary pull, which refreshes first.
 * <p>
 * Refreshed on read rather than on an event from {@link Entry}: the refresh re-derives
 * what changed from the committed sheets, so nothing is lost when the application stops
 * between a submission's commit and a listener, and a recount never runs inside a
 * submission's transaction, where two villages of one township submitting at once would
 * each re-count the township without the other's values. What it asks of every writer: a
 * write of a submitted value sets its sheet's {@code updated_at} (as {@link Entry#save}
 * and an approved correction do).
 */
@Component
public class CatalogueSummary {

	/** Sheets updated this long before the mark are looked at again. */
	static final Duration MARGIN = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final Indicators indicators;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CatalogueSummary(JdbcClient jdbc, Indicators indicators, PlatformTransactionManager transactions, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** One summary cell: an indicator's total over the submitted values under a unit. */
	public record Cell(String indicator, String unitCode, String unitName, int level, String period, String total,
			@Nullable String mean, int reported) {
	}

	private record Key(String indicator, String unit, String period) {
	}

	/**
	 * Re-counts the cells touched by sheets submitted or changed since the mark; returns
	 * how many cells were written.
	 */
	public synchronized int refresh() {
		Integer written = this.transactions.execute(status -> {
			// the clock that writes the sheets' updated_at
			Instant start = this.clock.instant();
			Timestamp mark = this.jdbc.sql("select seen_until from catalogue_summary_mark where id = 1")
				.query(Timestamp.class)
				.optional()
				.orElse(new Timestamp(0));
			Timestamp since = Timestamp.from(mark.toInstant().minus(MARGIN));
			List<String[]> sheets = this.jdbc
				.sql("select s.demand_id, s.unit_code, f.period from catalogue_sheet s join catalogue_form f on"
						+ " f.demand_id = s.demand_id where s.status = 'SUBMITTED' and s.updated_at > :since")
				.param("since", since)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
				.list();
			Set<Key> cells = new LinkedHashSet<>();
			for (String[] sheet : sheets) {
				List<String> codes = this.jdbc
					.sql("select indicator_code from catalogue_form_field where demand_id = :id and indicator_code is"
							+ " not null")
					.param("id", Long.parseLong(sheet[0]))
					.query(String.class)
					.list();
				for (String code : codes) {
					if (!summable(code)) {
						continue;
					}
					UnitLevel level = UnitLevel.ofCode(sheet[1]);
					for (int l = level.number() - 1; l >= UnitLevel.CITY.number(); l--) {
						cells.add(new Key(code, UnitLevel.of(l).truncate(sheet[1]), sheet[2]));
					}
				}
			}
			int count = 0;
			for (Key cell : cells) {
				count += recount(cell, start) ? 1 : 0;
			}
			Timestamp seen = Timestamp.from(start);
			if (this.jdbc.sql("update catalogue_summary_mark set seen_until = :at where id = 1")
				.param("at", seen)
				.update() == 0) {
				this.jdbc.sql("insert into catalogue_summary_mark (id, seen_until) values (1, :at)")
					.param("at", seen)
					.update();
			}
			return count;
		});
		return written == null ? 0 : written;
	}

	private boolean summable(String code) {
		return this.indicators.find(code)
			.map(i -> i.aggregation() != Aggregation.NONE
					&& (i.valueType() == ValueType.INTEGER || i.valueType() == ValueType.DECIMAL))
			.orElse(false);
	}

	/**
	 * Re-counts one cell from the submitted values under its unit; false if the unit does
	 * not exist.
	 */
	private boolean recount(Key cell, Instant at) {
		String path = this.jdbc.sql("select path from unit where code = :code")
			.param("code", cell.unit())
			.query(String.class)
			.optional()
			.orElse(null);
		if (path == null) {
			return false;
		}
		List<String> values = this.jdbc
			.sql("select v.value_text from catalogue_value v join unit u on u.code = v.unit_code where"
					+ " v.indicator_code = :code and v.period = :period and u.path like :under and exists (select 1 from"
					+ " catalogue_sheet s where s.demand_id = v.demand_id and s.unit_code = v.unit_code and s.status ="
					+ " 'SUBMITTED')")
			.param("code", cell.indicator())
			.param("period", cell.period())
			.param("under", path + "_%")
			.query(String.class)
			.list();
		Rollup.Tally tally = Rollup.Tally.of(values);
		this.jdbc
			.sql("delete from catalogue_value_summary where indicator_code = :code and unit_code = :unit and period ="
					+ " :period")
			.param("code", cell.indicator())
			.param("unit", cell.unit())
			.param("period", cell.period())
			.update();
		this.jdbc
			.sql("insert into catalogue_value_summary (indicator_code, unit_code, period, total, reported,"
					+ " refreshed_at) values (:code, :unit, :period, :total, :reported, :at)")
			.param("code", cell.indicator())
			.param("unit", cell.unit())
			.param("period", cell.period())
			.param("total", tally.total())
			.param("reported", tally.count())
			.param("at", Timestamp.from(at))
			.update();
		return true;
	}

	/**
	 * The summary cells of an indicator and period for the units in the viewer's scope
	 * (optionally only under a unit), refreshed first: what a county or department reads
	 * instead of summing its villages.
	 */
	public List<Cell> read(Viewer viewer, String indicator, String period, @Nullable String under) {
		if (under != null && !UnitLevel.isCode(under)) {
			throw Problem.badRequest("catalogue.values.under", under);
		}
		refresh();
		Aggregation aggregation = this.indicators.find(indicator).map(Indicator::aggregation).orElse(Aggregation.SUM);
		List<Cell> cells = new ArrayList<>();
		this.jdbc.sql("select s.indicator_code, s.unit_code, u.name, u.level, s.period, s.total, s.reported from"
				+ " catalogue_value_summary s join unit u on u.code = s.unit_code where s.indicator_code = :code and"
				+ " s.period = :period and u.path like :scope and u.path like :under order by u.level, s.unit_code")
			.param("code", indicator)
			.param("period", period)
			.param("scope", viewer.scope().pathPattern())
			.param("under", under == null ? "%" : "%/" + under + "/%")
			.query((rs, n) -> {
				BigDecimal total = rs.getBigDecimal(6);
				int reported = rs.getInt(7);
				String mean = aggregation == Aggregation.AVERAGE && reported > 0 ? Rollup.mean(total, reported) : null;
				return new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
						total.stripTrailingZeros().toPlainString(), mean, reported);
			})
			.list()
			.forEach(cells::add);
		return cells;
	}

}
