package cn.jianfu.catalogue.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jianfu.catalogue.internal.Indicator.Aggregation;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.Indicator.ValueType;
import cn.jianfu.platform.Page;

/**
 * The stored catalogue: search by code or name, read by code, and write indicators by
 * code (new ones created, known ones changed). A change counter lets the matcher know
 * when to rebuild its index.
 */
@Component
public class Indicators {

	static final String COLUMNS = "code, name, definition, unit_of_measure, value_type, aggregation, period_type,"
			+ " owner_department, legal_basis, disaggregation, valid_from, valid_to";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicLong changes = new AtomicLong();

	Indicators(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How many writes there have been since start: the matcher's index key. */
	public long changes() {
		return this.changes.get();
	}

	public Page<Indicator> search(String query, Page.Request request) {
		String like = "%" + query.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
		List<Indicator> rows = this.jdbc
			.sql("select " + COLUMNS + " from catalogue_indicator where lower(code) like :q or lower(name) like :q"
					+ " or lower(coalesce(owner_department, '')) like :q order by code offset :offset rows fetch first"
					+ " :size rows only")
			.param("q", like)
			.param("offset", request.offset())
			.param("size", request.size())
			.query(Indicators::row)
			.list();
		long total = this.jdbc
			.sql("select count(*) from catalogue_indicator where lower(code) like :q or lower(name) like :q"
					+ " or lower(coalesce(owner_department, '')) like :q")
			.param("q", like)
			.query(Long.class)
			.single();
		return new Page<>(rows, request.page(), request.size(), total);
	}

	public List<Indicator> all() {
		return this.jdbc.sql("select " + COLUMNS + " from catalogue_indicator order by code")
			.query(Indicators::row)
			.list();
	}

	public Optional<Indicator> find(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from catalogue_indicator where code = :code")
			.param("code", code)
			.query(Indicators::row)
			.optional();
	}

	public long count() {
		return this.jdbc.sql("select count(*) from catalogue_indicator").query(Long.class).single();
	}

	/**
	 * Writes the indicators by code in the caller's transaction.
	 * @return how many were created, changed and left as they were
	 */
	public Written write(Collection<Indicator> indicators) {
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		Timestamp now = Timestamp.from(this.clock.instant());
		for (Indicator indicator : indicators) {
			Optional<Indicator> known = find(indicator.code());
			if (known.isEmpty()) {
				bind(this.jdbc.sql("insert into catalogue_indicator (" + COLUMNS + ", created_at, updated_at) values"
						+ " (:code, :name, :definition, :unit, :type, :aggregation, :period, :owner, :basis, :dis, :from,"
						+ " :to, :now, :now)"), indicator)
					.param("now", now)
					.update();
				created++;
			}
			else if (known.get().equals(indicator)) {
				unchanged++;
			}
			else {
				bind(this.jdbc.sql("update catalogue_indicator set name = :name, definition = :definition,"
						+ " unit_of_measure = :unit, value_type = :type, aggregation = :aggregation, period_type = :period,"
						+ " owner_department = :owner, legal_basis = :basis, disaggregation = :dis, valid_from = :from,"
						+ " valid_to = :to, updated_at = :now where code = :code"), indicator)
					.param("now", now)
					.update();
				updated++;
			}
		}
		if (created + updated > 0) {
			this.changes.incrementAndGet();
		}
		return new Written(created, updated, unchanged);
	}

	/** The next free code with this prefix, such as {@code XZ-0007}. */
	public String nextCode(String prefix) {
		List<String> codes = this.jdbc.sql("select code from catalogue_indicator where code like :p")
			.param("p", prefix + "-%")
			.query(String.class)
			.list();
		int max = 0;
		for (String code : codes) {
			try {
				max = Math.max(max, Integer.parseInt(code.substring(prefix.length() + 1)));
			}
			catch (NumberFormatException ex) {
				// a hand-made code: not part of the sequence
			}
		}
		return prefix + "-" + String.format(Locale.ROOT, "%04d", max + 1);
	}

	/** Counts of one write. */
	public record Written(int created, int updated, int unchanged) {
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Indicator i) {
		return sql.param("code", i.code())
			.param("name", i.name())
			.param("definition", i.definition())
			.param("unit", i.unitOfMeasure())
			.param("type", i.valueType().name())
			.param("aggregation", i.aggregation().name())
			.param("period", i.periodType().name())
			.param("owner", i.ownerDepartment())
			.param("basis", i.legalBasis())
			.param("dis", i.disaggregation())
			.param("from", date(i.validFrom()))
			.param("to", date(i.validTo()));
	}

	private static @Nullable Date date(@Nullable LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	static Indicator row(ResultSet rs, int n) throws SQLException {
		Date from = rs.getDate("valid_from");
		Date to = rs.getDate("valid_to");
		return new Indicator(rs.getString("code"), rs.getString("name"), rs.getString("definition"),
				rs.getString("unit_of_measure"), ValueType.valueOf(rs.getString("value_type")),
				Aggregation.valueOf(rs.getString("aggregation")), PeriodType.valueOf(rs.getString("period_type")),
				rs.getString("owner_department"), rs.getString("legal_basis"), rs.getString("disaggregation"),
				from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate());
	}

}
