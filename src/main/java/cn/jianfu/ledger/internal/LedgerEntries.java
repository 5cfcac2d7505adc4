package cn.jianfu.ledger.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.ledger.Estimate;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;

/**
 * The ledger's entries: written once per issued demand and recipient (a redelivered event
 * adds nothing), then updated by the recipient's reports.
 */
@Component
public class LedgerEntries {

	/** Periods and dates of the ledger are those of China Standard Time. */
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(LedgerEntries.class);

	/** Sums of entries as the roll-ups keep them: refused entries count apart. */
	static final String SUMS = "sum(case when status <> 'REFUSED' then 1 else 0 end) entries,"
			+ " sum(case when status = 'REFUSED' then 1 else 0 end) refused,"
			+ " sum(case when status <> 'REFUSED' then estimated_hours else 0 end) estimated_hours,"
			+ " sum(case when status <> 'REFUSED' then coalesce(actual_hours, 0) else 0 end) actual_hours";

	/**
	 * Rows of {@code ledger_unit_month} computed from the entries matching {@code where}.
	 */
	static String unitMonth(String where) {
		return "select recipient_unit_code, period_year, period_month, kind, " + SUMS + " from ledger_entry" + where
				+ " group by recipient_unit_code, period_year, period_month, kind";
	}

	/**
	 * Rows of {@code ledger_unit_issuer} computed from the entries matching
	 * {@code where}.
	 */
	static String unitIssuer(String where) {
		return "select recipient_unit_code, period_year, issuer_unit_code,"
				+ " coalesce(issuer_department_id, 0) issuer_department_id, " + SUMS + " from ledger_entry" + where
				+ " group by recipient_unit_code, period_year, issuer_unit_code, coalesce(issuer_department_id, 0)";
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Rulebook rulebook;

	private final BurdenModel model;

	LedgerEntries(JdbcClient jdbc, JdbcTemplate batch, Rulebook rulebook, BurdenModel model) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.rulebook = rulebook;
		this.model = model;
	}

	/**
	 * Writes the entries of an issued demand that are not there yet, estimating each
	 * recipient's hours with the rulebook in force for the issuer's unit; returns how
	 * many it wrote.
	 */
	@Transactional
	public int record(DemandIssued event) {
		DemandSnapshot demand = event.demand();
		Set<String> existing = new HashSet<>(
				this.jdbc.sql("select recipient_unit_code from ledger_entry where demand_id = :id")
					.param("id", event.demandId())
					.query(String.class)
					.list());
		List<String> missing = demand.recipientUnitCodes()
			.stream()
			.distinct()
			.filter(code -> !existing.contains(code))
			.toList();
		if (missing.isEmpty()) {
			return 0;
		}
		lock(missing);
		Map<String, Unit> units = units(missing);
		Unit issuer = units(List.of(demand.issuerUnitCode())).get(demand.issuerUnitCode());
		if (issuer == null) {
			throw new IllegalStateException("issuer unit not found: " + demand.issuerUnitCode());
		}
		RuleValues rules = this.rulebook.forUnit(issuer);
		LocalDate period = (demand.dueDate() != null) ? demand.dueDate() : event.issuedAt().atZone(CHINA).toLocalDate();
		Timestamp now = Timestamp.from(event.issuedAt());
		List<Object[]> rows = new ArrayList<>();
		for (String code : missing) {
			Unit recipient = units.get(code);
			if (recipient == null) {
				log.warn("Demand {}: recipient unit {} is unknown; no ledger entry", event.demandId(), code);
				continue;
			}
			Estimate estimate = this.model.estimate(demand, recipient, rules);
			rows.add(new Object[] { event.demandId(), event.gateNumber(), cut(demand.title(), 500),
					demand.kind().name(), demand.field(), cut(demand.legalBasis(), 1000), demand.issuerUnitCode(),
					demand.issuerDepartmentId(), demand.parentId(), code, recipient.level().number(), period.getYear(),
					period.getMonthValue(), (demand.dueDate() != null) ? Date.valueOf(demand.dueDate()) : null, now,
					estimate.hours(), cut(estimate.explanationZh(), 1000), cut(estimate.explanationEn(), 1000),
					demand.assessmentScore(), now });
		}
		this.batch.batchUpdate("insert into ledger_entry (demand_id, gate_number, title, kind, field, legal_basis,"
				+ " issuer_unit_code, issuer_department_id, parent_demand_id, recipient_unit_code, recipient_level,"
				+ " period_year, period_month, due_date, issued_at, estimated_hours, explanation_zh, explanation_en,"
				+ " assessment_score, status, updated_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)", rows);
		if (!rows.isEmpty()) {
			refresh(rows.stream().map(r -> (String) r[9]).toList(), period.getYear(), period.getMonthValue(),
					demand.kind().name(), demand.issuerUnitCode(), demand.issuerDepartmentId());
		}
		return rows.size();
	}

	/**
	 * Marks the open entries of an expired demand as {@code EXPIRED}, no longer open for
	 * hours, and returns how many it marked; entries done or refused keep their status.
	 * The roll-ups do not change: they count expired entries like open ones.
	 */
	@Transactional
	public int expire(long demandId, Timestamp at) {
		return this.jdbc
			.sql("update ledger_entry set status = 'EXPIRED', updated_at = :t where demand_id = :d and status = 'OPEN'")
			.param("t", at)
			.param("d", demandId)
			.update();
	}

	/** The units with these codes, open or closed, keyed by code. */
	Map<String, Unit> units(Collection<String> codes) {
		Map<String, Unit> units = new HashMap<>();
		if (codes.isEmpty()) {
			return units;
		}
		this.jdbc.sql("select code, name, level, parent_code, path, opened_on, closed_on from unit where code in (:c)")
			.param("c", codes)
			.query((rs, i) -> new Unit(rs.getString("code"), rs.getString("name"), UnitLevel.of(rs.getInt("level")),
					rs.getString("parent_code"), rs.getString("path"), rs.getObject("opened_on", LocalDate.class),
					rs.getObject("closed_on", LocalDate.class)))
			.list()
			.forEach(u -> units.put(u.code(), u));
		return units;
	}

	/**
	 * Estimated hours already in the ledger per recipient for one month, refused entries
	 * left out.
	 */
	Map<String, BigDecimal> estimatedHours(Collection<String> recipients, int year, int month) {
		Map<String, BigDecimal> hours = new HashMap<>();
		if (recipients.isEmpty()) {
			return hours;
		}
		this.jdbc
			.sql("select recipient_unit_code, sum(estimated_hours) from ledger_entry where recipient_unit_code in (:c)"
					+ " and period_year = :y and period_month = :m and status <> 'REFUSED' group by recipient_unit_code")
			.param("c", recipients)
			.param("y", year)
			.param("m", month)
			.query((rs, i) -> hours.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return hours;
	}

	/** Every entry addressed to a unit, soonest due first, undated last. */
	List<Entry> addressedTo(String unitCode) {
		return this.jdbc.sql(
				"select * from ledger_entry where recipient_unit_code = :u order by due_date, issued_at desc, demand_id")
			.param("u", unitCode)
			.query(LedgerEntries::entry)
			.list();
	}

	public Optional<Entry> find(long demandId, String unitCode) {
		return this.jdbc.sql("select * from ledger_entry where demand_id = :d and recipient_unit_code = :u")
			.param("d", demandId)
			.param("u", unitCode)
			.query(LedgerEntries::entry)
			.optional();
	}

	/** Changes an entry's status, actual hours or refusal, and its roll-ups with it. */
	@Transactional
	public void update(Entry entry, String status, @Nullable BigDecimal actualHours, @Nullable String refusalReason,
			Timestamp at) {
		lock(List.of(entry.recipientUnitCode()));
		this.jdbc
			.sql("update ledger_entry set status = :s, actual_hours = :a, refusal_reason = :r, updated_at = :t"
					+ " where demand_id = :d and recipient_unit_code = :u")
			.param("s", status)
			.param("a", actualHours)
			.param("r", refusalReason)
			.param("t", at)
			.param("d", entry.demandId())
			.param("u", entry.recipientUnitCode())
			.update();
		refresh(List.of(entry.recipientUnitCode()), entry.periodYear(), entry.periodMonth(), entry.kind(),
				entry.issuerUnitCode(), entry.issuerDepartmentId());
	}

	/**
	 * Locks the recipients' unit rows, in code order, before their entries and roll-ups
	 * change: two transactions recomputing the same roll-up row would otherwise both
	 * insert it.
	 */
	private void lock(List<String> recipients) {
		this.jdbc.sql("select code from unit where code in (:r) order by code for update")
			.param("r", recipients)
			.query(String.class)
			.list();
	}

	/**
	 * Recomputes the roll-up rows of these recipients for one period, kind and issuer.
	 */
	private void refresh(List<String> recipients, int year, int month, String kind, String issuer,
			@Nullable Long department) {
		long departmentKey = (department == null) ? 0 : department;
		this.jdbc
			.sql("delete from ledger_unit_month where recipient_unit_code in (:r) and period_year = :y"
					+ " and period_month = :m and kind = :k")
			.param("r", recipients)
			.param("y", year)
			.param("m", month)
			.param("k", kind)
			.update();
		this.jdbc.sql("insert into ledger_unit_month (recipient_unit_code, period_year, period_month, kind, entries,"
				+ " refused, estimated_hours, actual_hours) "
				+ unitMonth(
						" where recipient_unit_code in (:r) and period_year = :y and period_month = :m and kind = :k"))
			.param("r", recipients)
			.param("y", year)
			.param("m", month)
			.param("k", kind)
			.update();
		this.jdbc
			.sql("delete from ledger_unit_issuer where recipient_unit_code in (:r) and period_year = :y"
					+ " and issuer_unit_code = :i and issuer_department_id = :d")
			.param("r", recipients)
			.param("y", year)
			.param("i", issuer)
			.param("d", departmentKey)
			.update();
		this.jdbc
			.sql("insert into ledger_unit_issuer (recipient_unit_code, period_year, issuer_unit_code,"
					+ " issuer_department_id, entries, refused, estimated_hours, actual_hours) "
					+ unitIssuer(" where recipient_unit_code in (:r) and period_year = :y and issuer_unit_code = :i"
							+ " and coalesce(issuer_department_id, 0) = :d"))
			.param("r", recipients)
			.param("y", year)
			.param("i", issuer)
			.param("d", departmentKey)
			.update();
	}

	/** Rebuilds both roll-ups from all entries, after a bulk load. */
	@Transactional
	public void rebuildRollups() {
		this.jdbc.sql("delete from ledger_unit_month").update();
		this.jdbc
			.sql("insert into ledger_unit_month (recipient_unit_code, period_year, period_month, kind, entries,"
					+ " refused, estimated_hours, actual_hours) " + unitMonth(""))
			.update();
		this.jdbc.sql("delete from ledger_unit_issuer").update();
		this.jdbc
			.sql("insert into ledger_unit_issuer (recipient_unit_code, period_year, issuer_unit_code,"
					+ " issuer_department_id, entries, refused, estimated_hours, actual_hours) " + unitIssuer(""))
			.update();
	}

	static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("demand_id"), rs.getString("gate_number"), rs.getString("title"),
				rs.getString("kind"), rs.getString("field"), rs.getString("legal_basis"),
				rs.getString("issuer_unit_code"), rs.getObject("issuer_department_id", Long.class),
				rs.getString("recipient_unit_code"), rs.getObject("due_date", LocalDate.class),
				rs.getInt("period_year"), rs.getInt("period_month"), rs.getBigDecimal("estimated_hours"),
				rs.getString("explanation_zh"), rs.getString("explanation_en"), rs.getBigDecimal("actual_hours"),
				rs.getString("status"), rs.getString("refusal_reason"));
	}

	private static @Nullable String cut(@Nullable String text, int length) {
		return (text == null || text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	/** One ledger entry as the inbox and the API show it. */
	public record Entry(long demandId, String gateNumber, String title, String kind, @Nullable String field,
			@Nullable String legalBasis, String issuerUnitCode, @Nullable Long issuerDepartmentId,
			String recipientUnitCode, @Nullable LocalDate dueDate, int periodYear, int periodMonth,
			BigDecimal estimatedHours, String explanationZh, String explanationEn, @Nullable BigDecimal actualHours,
			String status, @Nullable String refusalReason) {

		public String kindKey() {
			return "demand.kind." + this.kind.toLowerCase(java.util.Locale.ROOT);
		}

		public boolean open() {
			return "OPEN".equals(this.status);
		}

		/** Whether the demand reached its sunset while the entry was open. */
		public boolean expired() {
			return "EXPIRED".equals(this.status);
		}

	}

}
