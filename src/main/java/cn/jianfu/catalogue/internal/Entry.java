package cn.jianfu.catalogue.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.catalogue.SheetSubmitted;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.Indicator.ValueType;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Bilingual;
import cn.jianfu.platform.Problem;

/**
 * Data entry by the grassroots (一表通): a unit sees the issued forms addressed to it, each
 * field pre-filled where the catalogue already holds the value for the unit and period
 * (or, for a stock figure, the last period's value to confirm), enters only what is
 * missing, saves drafts and submits. Values are kept once per (indicator, unit, period)
 * with every version; the unit's sheet carries a version for optimistic locking; the
 * period locks after the deadline plus grace days ({@code catalogue.entry.grace-days}).
 */
@Component
public class Entry {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final Forms forms;

	private final Indicators indicators;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Rulebook rulebook;

	private final OrgChart orgChart;

	private final Bilingual messages;

	Entry(JdbcClient jdbc, Forms forms, Indicators indicators, AuditLog audit, Clock clock,
			ApplicationEventPublisher events, Rulebook rulebook, OrgChart orgChart, Bilingual messages) {
		this.messages = messages;
		this.rulebook = rulebook;
		this.orgChart = orgChart;
		this.jdbc = jdbc;
		this.forms = forms;
		this.indicators = indicators;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** An issued form addressed to the viewer's unit, with the state of its sheet. */
	public record Assignment(long demandId, String title, String period, LocalDate deadline, String status,
			boolean locked) {
	}

	/** Where a pre-filled value came from. */
	public enum Source {

		/** Held by the catalogue for this unit and period. */
		CATALOGUE,
		/** The unit's value of the last period, to confirm (stock figures only). */
		LAST_PERIOD,
		/**
		 * The sum (or mean) of the values its own lower units submitted on the same form,
		 * to confirm.
		 */
		LOWER_UNITS,
		/** Nothing yet: the unit enters it. */
		NONE

	}

	/**
	 * One field of a unit's sheet; for a value from lower units, how many of the lower
	 * units the form is addressed to had submitted one ({@code lowerReported} of
	 * {@code lowerExpected}).
	 */
	public record Cell(String code, String label, @Nullable String unit, ValueType valueType, @Nullable String value,
			Source source, int valueVersion, int lowerReported, int lowerExpected) {

		Cell(String code, String label, @Nullable String unit, ValueType valueType, @Nullable String value,
				Source source, int valueVersion) {
			this(code, label, unit, valueType, value, source, valueVersion, 0, 0);
		}

	}

	/**
	 * Something to check that does not stop a save: a value far from the unit's recent
	 * ones ({@code catalogue.entry.outlier}, with the previous values), or a total that
	 * is not the sum of its parts on a draft ({@code catalogue.entry.cross-field}).
	 */
	public record Warning(String code, String field, String messageZh, String messageEn, List<String> previous) {
	}

	/** A cross-field rule of an indicator set: the total is the sum of the parts. */
	record SumRule(String setName, String total, List<String> parts) {
	}

	/** A unit's sheet of one form. */
	public record Sheet(long demandId, String title, String unitCode, String period, LocalDate deadline,
			LocalDate locksAfter, boolean locked, int version, String status, List<Cell> cells, List<Warning> warnings,
			List<String> entered) {

		/**
		 * Fields Jianfu offered a value for, not counting the values this sheet wrote.
		 */
		public long prefilled() {
			return this.cells.stream()
				.filter(c -> c.source() != Source.NONE && !this.entered.contains(c.code()))
				.count();
		}

	}

	public List<Assignment> assignments(Viewer viewer) {
		RuleValues rules = rules(viewer);
		return this.jdbc
			.sql("select f.demand_id, f.title, f.period, f.deadline, s.status from catalogue_form f join"
					+ " catalogue_form_recipient r on r.demand_id = f.demand_id left join catalogue_sheet s on"
					+ " s.demand_id = f.demand_id and s.unit_code = r.unit_code where r.unit_code = :unit and"
					+ " f.status = 'ISSUED' order by f.deadline, f.demand_id")
			.param("unit", viewer.unitCode())
			.query((rs, n) -> {
				LocalDate deadline = rs.getDate(4).toLocalDate();
				String status = rs.getString(5);
				return new Assignment(rs.getLong(1), rs.getString(2), rs.getString(3), deadline,
						status == null ? "OPEN" : status, locked(deadline, rules));
			})
			.list();
	}

	/** The rules in force for the viewer's unit (its jurisdiction's rulebook). */
	private RuleValues rules(Viewer viewer) {
		return this.orgChart.unit(viewer.scope(), viewer.unitCode())
			.map(this.rulebook::forUnit)
			.orElseGet(() -> Rulebook.defaults(viewer.unitCode()));
	}

	private static LocalDate locksAfter(LocalDate deadline, RuleValues rules) {
		return deadline.plusDays(rules.integer("catalogue.entry.grace-days"));
	}

	private boolean locked(LocalDate deadline, RuleValues rules) {
		return LocalDate.now(this.clock.withZone(CHINA)).isAfter(locksAfter(deadline, rules));
	}

	/** The viewer's sheet of an issued form addressed to its unit. */
	public Sheet sheet(Viewer viewer, long demandId) {
		Forms.Form form = addressed(viewer, demandId);
		String unit = viewer.unitCode();
		RuleValues rules = rules(viewer);
		Optional<Object[]> state = state(demandId, unit);
		int lower = lowerRecipients(demandId, unit);
		List<Cell> cells = new ArrayList<>();
		List<String> entered = new ArrayList<>();
		for (Forms.Field field : form.fields()) {
			if (field.indicatorCode() == null || field.drawn()) {
				continue;
			}
			Indicator indicator = this.indicators.find(field.indicatorCode()).orElse(null);
			if (indicator == null) {
				continue;
			}
			Optional<Object[]> held = value(indicator.code(), unit, form.period());
			if (held.isPresent() && Long.valueOf(demandId).equals(held.get()[2])) {
				entered.add(indicator.code());
			}
			if (held.isPresent()) {
				cells.add(new Cell(indicator.code(), field.label(), indicator.unitOfMeasure(), indicator.valueType(),
						(String) held.get()[0], Source.CATALOGUE, (Integer) held.get()[1]));
				continue;
			}
			if (lower > 0 && indicator.aggregation() != Indicator.Aggregation.NONE) {
				List<String> reported = lowerValues(demandId, unit, indicator.code(), form.period());
				String total = aggregate(indicator, reported);
				if (total != null) {
					cells.add(new Cell(indicator.code(), field.label(), indicator.unitOfMeasure(),
							indicator.valueType(), total, Source.LOWER_UNITS, 0, reported.size(), lower));
					continue;
				}
			}
			String last = carriesOver(indicator) ? lastValue(indicator.code(), unit, form.period()) : null;
			cells.add(new Cell(indicator.code(), field.label(), indicator.unitOfMeasure(), indicator.valueType(), last,
					last == null ? Source.NONE : Source.LAST_PERIOD, 0));
		}
		List<Warning> warnings = new ArrayList<>(outliers(viewer, form.period(), cells));
		Map<String, String> values = new LinkedHashMap<>();
		cells.stream()
			.filter(c -> c.source() == Source.CATALOGUE && c.value() != null)
			.forEach(c -> values.put(c.code(), c.value()));
		for (Object[] breach : breaches(cells, values)) {
			Bilingual.Text text = this.messages.text("problem.catalogue.entry.cross-field", breach);
			warnings
				.add(new Warning("catalogue.entry.cross-field", (String) breach[1], text.zh(), text.en(), List.of()));
		}
		return new Sheet(demandId, form.title(), unit, form.period(), form.deadline(),
				locksAfter(form.deadline(), rules), locked(form.deadline(), rules),
				state.map(s -> (Integer) s[0]).orElse(0), state.map(s -> (String) s[1]).orElse("OPEN"), cells, warnings,
				entered);
	}

	/**
	 * Numeric values more than F times, or less than 1/F of, the median of the unit's
	 * values of its last K periods ({@code catalogue.entry.outlier-*}).
	 */
	private List<Warning> outliers(Viewer viewer, String period, List<Cell> cells) {
		RuleValues rules = rules(viewer);
		BigDecimal factor = rules.decimal("catalogue.entry.outlier-factor");
		int periods = rules.integer("catalogue.entry.outlier-periods");
		int least = rules.integer("catalogue.entry.outlier-min-periods");
		List<Warning> warnings = new ArrayList<>();
		for (Cell cell : cells) {
			if (cell.value() == null
					|| (cell.valueType() != ValueType.INTEGER && cell.valueType() != ValueType.DECIMAL)) {
				continue;
			}
			List<String> previous = this.jdbc
				.sql("select value_text from catalogue_value where indicator_code = :code and unit_code = :unit and"
						+ " period < :period order by period desc fetch first " + periods + " rows only")
				.param("code", cell.code())
				.param("unit", viewer.unitCode())
				.param("period", period)
				.query(String.class)
				.list();
			List<BigDecimal> numbers = new ArrayList<>();
			// a value of another type in the history is not compared
			previous.stream().map(Rollup::number).filter(Objects::nonNull).forEach(numbers::add);
			if (numbers.size() < least) {
				continue;
			}
			BigDecimal median = median(numbers);
			BigDecimal value = Rollup.number(cell.value());
			if (value == null || median.signum() <= 0) {
				continue;
			}
			boolean high = value.compareTo(median.multiply(factor)) > 0;
			boolean low = value.multiply(factor).compareTo(median) < 0;
			if (high || low) {
				Object[] args = { cell.label(), cell.value(), previous.size(),
						median.stripTrailingZeros().toPlainString(), factor.stripTrailingZeros().toPlainString(),
						String.join("、", previous) };
				String zh = this.messages.text("catalogue.entry.outlier", args).zh();
				args[5] = String.join(", ", previous);
				String en = this.messages.text("catalogue.entry.outlier", args).en();
				warnings.add(new Warning("catalogue.entry.outlier", cell.label(), zh, en, previous));
			}
		}
		return warnings;
	}

	static BigDecimal median(List<BigDecimal> numbers) {
		List<BigDecimal> sorted = numbers.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2)
				: sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
	}

	/** The cross-field rules of the indicator sets declared in the catalogue. */
	List<SumRule> sumRules() {
		return this.jdbc.sql("select set_name, total_code, part_codes from catalogue_sum_rule order by id")
			.query((rs, n) -> new SumRule(rs.getString(1), rs.getString(2),
					List.of(rs.getString(3).split("\\s*,\\s*"))))
			.list();
	}

	/**
	 * The rules whose total and parts are all on the sheet with numeric values and whose
	 * total differs from the sum of its parts, as message arguments: set, total's label,
	 * total, parts' labels, sum.
	 */
	List<Object[]> breaches(List<Cell> cells, Map<String, String> values) {
		Map<String, Cell> byCode = new LinkedHashMap<>();
		cells.forEach(c -> byCode.put(c.code(), c));
		List<Object[]> breaches = new ArrayList<>();
		for (SumRule rule : sumRules()) {
			if (!byCode.containsKey(rule.total()) || !rule.parts().stream().allMatch(byCode::containsKey)) {
				continue;
			}
			try {
				BigDecimal total = new BigDecimal(values.getOrDefault(rule.total(), "x"));
				BigDecimal sum = BigDecimal.ZERO;
				for (String part : rule.parts()) {
					sum = sum.add(new BigDecimal(values.getOrDefault(part, "x")));
				}
				if (total.compareTo(sum) != 0) {
					breaches.add(new Object[] { rule.setName(), byCode.get(rule.total()).label(), total.toPlainString(),
							String.join(" + ", rule.parts().stream().map(p -> byCode.get(p).label()).toList()),
							sum.toPlainString() });
				}
			}
			catch (NumberFormatException ex) {
				// not all filled in yet: checked when they are
			}
		}
		return breaches;
	}

	/** How many of the unit's direct lower units the form is addressed to. */
	private int lowerRecipients(long demandId, String unit) {
		return this.jdbc
			.sql("select count(*) from catalogue_form_recipient r join unit u on u.code = r.unit_code where"
					+ " r.demand_id = :id and u.parent_code = :unit")
			.param("id", demandId)
			.param("unit", unit)
			.query(Integer.class)
			.single();
	}

	/** The values the unit's direct lower units submitted on this form. */
	private List<String> lowerValues(long demandId, String unit, String code, String period) {
		return this.jdbc
			.sql("select v.value_text from catalogue_form_recipient r join unit u on u.code = r.unit_code join"
					+ " catalogue_sheet s on s.demand_id = r.demand_id and s.unit_code = r.unit_code and s.status ="
					+ " 'SUBMITTED' join catalogue_value v on v.indicator_code = :code and v.unit_code = r.unit_code"
					+ " and v.period = :period where r.demand_id = :id and u.parent_code = :unit")
			.param("id", demandId)
			.param("unit", unit)
			.param("code", code)
			.param("period", period)
			.query(String.class)
			.list();
	}

	/**
	 * The sum or mean of numeric values, as the indicator's type writes it; null when
	 * none is a number.
	 */
	static @Nullable String aggregate(Indicator indicator, List<String> values) {
		Rollup.Tally tally = Rollup.Tally.of(values);
		if (tally.count() == 0) {
			return null;
		}
		BigDecimal total = tally.total();
		if (indicator.aggregation() == Indicator.Aggregation.AVERAGE) {
			total = total.divide(BigDecimal.valueOf(tally.count()), indicator.valueType() == ValueType.INTEGER ? 0 : 2,
					java.math.RoundingMode.HALF_UP);
		}
		return total.stripTrailingZeros().toPlainString();
	}

	/**
	 * Whether the last period's value may be offered: stock figures (counts and amounts
	 * at a point in time, text and yes/no facts), never flows (本月, 累计) or rates.
	 */
	static boolean carriesOver(Indicator indicator) {
		if (indicator.periodType() == PeriodType.ONCE) {
			return false;
		}
		NameSlots slots = NameSlots.parse(indicator.name(), indicator.unitOfMeasure());
		boolean flow = slots.time().contains("本月") || slots.time().contains("累计") || slots.time().contains("同比")
				|| slots.time().contains("环比");
		boolean rate = "增速".equals(slots.statistic()) || "比率".equals(slots.statistic())
				|| indicator.valueType() == ValueType.PERCENT;
		return !flow && !rate;
	}

	private Forms.Form addressed(Viewer viewer, long demandId) {
		Forms.Form form = this.forms.find(demandId)
			.filter(f -> f.status().equals("ISSUED"))
			.orElseThrow(() -> Problem.notFound("catalogue.form", demandId));
		boolean recipient = this.jdbc
			.sql("select count(*) from catalogue_form_recipient where demand_id = :id and unit_code = :unit")
			.param("id", demandId)
			.param("unit", viewer.unitCode())
			.query(Long.class)
			.single() > 0;
		if (!recipient || !viewer.has(Role.GRASSROOTS)) {
			throw Problem.notFound("catalogue.form", demandId);
		}
		return form;
	}

	private Optional<Object[]> state(long demandId, String unit) {
		return this.jdbc.sql("select version, status from catalogue_sheet where demand_id = :id and unit_code = :unit")
			.param("id", demandId)
			.param("unit", unit)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getString(2) })
			.optional();
	}

	private Optional<Object[]> value(String code, String unit, String period) {
		return this.jdbc
			.sql("select value_text, version, demand_id from catalogue_value where indicator_code = :code and"
					+ " unit_code = :unit and period = :period")
			.param("code", code)
			.param("unit", unit)
			.param("period", period)
			.query((rs,
					n) -> new Object[] { rs.getString(1), rs.getInt(2),
							rs.getObject(3) == null ? null : rs.getLong(3) })
			.optional();
	}

	private @Nullable String lastValue(String code, String unit, String period) {
		return this.jdbc.sql(
				"select value_text from catalogue_value where indicator_code = :code and unit_code = :unit and period < :period"
						+ " order by period desc fetch first 1 rows only")
			.param("code", code)
			.param("unit", unit)
			.param("period", period)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Saves the entered values (blank ones are left out) and, if asked, submits the
	 * sheet.
	 * @param version the sheet's version the values were entered on; a stale one is
	 * refused with 409 and nothing is written
	 * @return the sheet as saved
	 */
	@Transactional
	public Sheet save(Viewer viewer, long demandId, int version, Map<String, String> entered, boolean submit) {
		Sheet sheet = sheet(viewer, demandId);
		if (sheet.locked()) {
			throw Problem.conflict("catalogue.entry.locked", sheet.period(), sheet.locksAfter());
		}
		Map<String, Cell> byCode = new LinkedHashMap<>();
		sheet.cells().forEach(c -> byCode.put(c.code(), c));
		Map<String, String> clean = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : entered.entrySet()) {
			Cell cell = byCode.get(e.getKey());
			if (cell == null) {
				throw Problem.badRequest("catalogue.entry.unknown-field", e.getKey());
			}
			String value = e.getValue() == null ? "" : e.getValue().strip();
			if (!value.isEmpty()) {
				clean.put(cell.code(), validate(cell, value));
			}
		}
		if (submit) {
			for (Cell cell : sheet.cells()) {
				if (!clean.containsKey(cell.code()) && cell.source() != Source.CATALOGUE) {
					throw Problem.badRequest("catalogue.entry.missing", cell.label());
				}
			}
			Map<String, String> submitted = new LinkedHashMap<>();
			sheet.cells()
				.stream()
				.filter(c -> c.source() == Source.CATALOGUE && c.value() != null)
				.forEach(c -> submitted.put(c.code(), c.value()));
			submitted.putAll(clean);
			List<Object[]> breaches = breaches(sheet.cells(), submitted);
			if (!breaches.isEmpty()) {
				throw Problem.badRequest("catalogue.entry.cross-field", breaches.get(0));
			}
		}
		Instant now = this.clock.instant();
		String status = submit ? "SUBMITTED" : sheet.status().equals("SUBMITTED") ? "SUBMITTED" : "DRAFT";
		int updated;
		if (version == 0) {
			updated = this.jdbc.sql("insert into catalogue_sheet (demand_id, unit_code, version, status, updated_by,"
					+ " updated_at, submitted_at) select :id, :unit, 1, :status, :by, :at, :submitted where not exists"
					+ " (select 1 from catalogue_sheet where demand_id = :id and unit_code = :unit)")
				.param("id", demandId)
				.param("unit", viewer.unitCode())
				.param("status", status)
				.param("by", viewer.username())
				.param("at", Timestamp.from(now))
				.param("submitted", submit ? Timestamp.from(now) : null)
				.update();
		}
		else {
			updated = this.jdbc
				.sql("update catalogue_sheet set version = version + 1, status = :status, updated_by = :by,"
						+ " updated_at = :at, submitted_at = coalesce(:submitted, submitted_at) where demand_id = :id"
						+ " and unit_code = :unit and version = :version")
				.param("id", demandId)
				.param("unit", viewer.unitCode())
				.param("version", version)
				.param("status", status)
				.param("by", viewer.username())
				.param("at", Timestamp.from(now))
				.param("submitted", submit ? Timestamp.from(now) : null)
				.update();
		}
		if (updated != 1) {
			throw Problem.conflict("catalogue.entry.stale", version);
		}
		keepOffers(demandId, viewer.unitCode(), sheet);
		int changed = 0;
		for (Map.Entry<String, String> e : clean.entrySet()) {
			if (write(viewer, demandId, e.getKey(), sheet.period(), e.getValue(), now)) {
				changed++;
			}
		}
		this.audit
			.record(new AuditEvent(viewer.username(), submit ? "catalogue.sheet-submitted" : "catalogue.sheet-saved",
					AuditResult.SUCCESS, "demand:" + demandId + "/unit:" + viewer.unitCode(),
					changed + " values changed, period " + sheet.period() + ", sheet version " + (version + 1)));
		if (submit && !sheet.status().equals("SUBMITTED")) {
			hoursSaved(viewer, demandId, sheet.period(), now);
		}
		return sheet(viewer, demandId);
	}

	/**
	 * Keeps what Jianfu offers on the sheet before the unit's own writes replace it: the
	 * first offer per field sticks. A value the catalogue holds because this form's sheet
	 * wrote it is not an offer.
	 */
	private void keepOffers(long demandId, String unit, Sheet sheet) {
		for (Cell cell : sheet.cells()) {
			if (cell.source() == Source.NONE || cell.value() == null) {
				continue;
			}
			if (cell.source() == Source.CATALOGUE) {
				Long writer = this.jdbc
					.sql("select demand_id from catalogue_value where indicator_code = :code and unit_code = :unit"
							+ " and period = :period")
					.param("code", cell.code())
					.param("unit", unit)
					.param("period", sheet.period())
					.query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1))
					.optional()
					.orElse(null);
				if (writer != null && writer == demandId) {
					continue;
				}
			}
			this.jdbc.sql("insert into catalogue_sheet_offer (demand_id, unit_code, indicator_code, source, value_text)"
					+ " select :id, :unit, :code, :source, :value where not exists (select 1 from"
					+ " catalogue_sheet_offer where demand_id = :id and unit_code = :unit and indicator_code = :code)")
				.param("id", demandId)
				.param("unit", unit)
				.param("code", cell.code())
				.param("source", cell.source().name())
				.param("value", cell.value())
				.update();
		}
	}

	/**
	 * At a sheet's first submission: tells the ledger the sheet is in (the unit's inbox
	 * entry is then done) and how many of the values Jianfu offered the unit kept, with
	 * the hours that saved by the ledger's burden rules.
	 */
	private void hoursSaved(Viewer viewer, long demandId, String period, Instant now) {
		String unit = viewer.unitCode();
		int confirmed = this.jdbc
			.sql("select count(*) from catalogue_sheet_offer o join catalogue_value v on v.indicator_code ="
					+ " o.indicator_code and v.unit_code = o.unit_code and v.period = :period and v.value_text ="
					+ " o.value_text where o.demand_id = :id and o.unit_code = :unit")
			.param("period", period)
			.param("id", demandId)
			.param("unit", unit)
			.query(Integer.class)
			.single();
		RuleValues rules = rules(viewer);
		BigDecimal minutes = rules.decimal("burden.data-request.minutes-per-field")
			.subtract(rules.decimal("burden.data-request.minutes-per-prefilled-field"))
			.max(BigDecimal.ZERO)
			.multiply(BigDecimal.valueOf(confirmed))
			.multiply(rules.decimal("burden.data-request.staff"));
		BigDecimal hours = minutes.divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
		this.events.publishEvent(new SheetSubmitted(demandId, unit, confirmed, hours, now));
	}

	/** Writes one value if it differs, keeping the previous ones as versions. */
	private boolean write(Viewer viewer, long demandId, String code, String period, String value, Instant now) {
		return write(demandId, code, viewer.unitCode(), period, value, viewer.username(), null, now);
	}

	/**
	 * Writes a correction of a locked value that the indicator's owner approved: a new
	 * version naming who asked ({@code changed_by}) and who approved. The sheet is marked
	 * changed, so that {@link CatalogueSummary} re-counts the cells above the unit.
	 */
	void writeApproved(long demandId, String code, String unit, String period, String value, String requestedBy,
			String approvedBy, Instant now) {
		if (write(demandId, code, unit, period, value, requestedBy, approvedBy, now)) {
			this.jdbc.sql("update catalogue_sheet set updated_at = :at where demand_id = :id and unit_code = :unit")
				.param("at", Timestamp.from(now))
				.param("id", demandId)
				.param("unit", unit)
				.update();
		}
	}

	private boolean write(long demandId, String code, String unit, String period, String value, String by,
			@Nullable String approvedBy, Instant now) {
		Optional<Object[]> held = value(code, unit, period);
		if (held.isPresent() && held.get()[0].equals(value)) {
			return false;
		}
		int next = held.map(h -> (Integer) h[1] + 1).orElse(1);
		String write = held.isPresent()
				? "update catalogue_value set value_text = :value, version = :version, demand_id = :id, updated_by"
						+ " = :by, updated_at = :at where indicator_code = :code and unit_code = :unit and period = :period"
				: "insert into catalogue_value (indicator_code, unit_code, period, value_text, version, demand_id,"
						+ " updated_by, updated_at) values (:code, :unit, :period, :value, :version, :id, :by, :at)";
		String history = "insert into catalogue_value_version (indicator_code, unit_code, period, version, value_text,"
				+ " demand_id, changed_by, changed_at, approved_by) values (:code, :unit, :period, :version, :value, :id,"
				+ " :by, :at, :approved)";
		for (String sql : List.of(write, history)) {
			var spec = this.jdbc.sql(sql)
				.param("value", value)
				.param("version", next)
				.param("id", demandId)
				.param("by", by)
				.param("at", Timestamp.from(now))
				.param("code", code)
				.param("unit", unit)
				.param("period", period);
			if (sql.equals(history)) {
				spec = spec.param("approved", approvedBy);
			}
			spec.update();
		}
		return true;
	}

	/**
	 * A number as people write it in sheets: full-width digits, spaces, and 万 or 千 after
	 * it (1.2万 → 12000); refused when the field's unit is itself in 万 or 千 (ambiguous).
	 */
	static String scaled(Cell cell, String value) {
		StringBuilder plain = new StringBuilder();
		for (char c : value.toCharArray()) {
			if (c >= '０' && c <= '９') {
				plain.append((char) (c - '０' + '0'));
			}
			else if (c == '．') {
				plain.append('.');
			}
			else if (!Character.isWhitespace(c) && c != '\u3000') {
				plain.append(c);
			}
		}
		String number = plain.toString();
		int scale = number.endsWith("万") ? 4 : number.endsWith("千") ? 3 : 0;
		if (scale == 0) {
			return number;
		}
		String digits = number.substring(0, number.length() - 1);
		if (!digits.matches("\\d{1,15}(\\.\\d{1,6})?")) {
			return number;
		}
		if (cell.unit() != null && (cell.unit().contains("万") || cell.unit().contains("千"))) {
			throw Problem.badRequest("catalogue.entry.scale", cell.label(), value, cell.unit());
		}
		return new BigDecimal(digits).movePointRight(scale).stripTrailingZeros().toPlainString();
	}

	/** Checks a value against its type and range; the error names the field. */
	static String validate(Cell cell, String raw) {
		String value = raw.replace(",", "").replace("，", "");
		if (cell.valueType() == ValueType.INTEGER || cell.valueType() == ValueType.DECIMAL) {
			value = scaled(cell, value);
		}
		switch (cell.valueType()) {
			case INTEGER -> {
				if (!value.matches("\\d{1,15}")) {
					throw Problem.badRequest("catalogue.entry.integer", cell.label(), raw);
				}
				return new BigDecimal(value).toPlainString();
			}
			case DECIMAL -> {
				if (!value.matches("\\d{1,15}(\\.\\d{1,6})?")) {
					throw Problem.badRequest("catalogue.entry.decimal", cell.label(), raw);
				}
				return new BigDecimal(value).toPlainString();
			}
			case PERCENT -> {
				String number = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
				if (!number.matches("-?\\d{1,5}(\\.\\d{1,4})?")
						|| new BigDecimal(number).compareTo(BigDecimal.valueOf(-100)) < 0
						|| new BigDecimal(number).compareTo(BigDecimal.valueOf(1000)) > 0) {
					throw Problem.badRequest("catalogue.entry.percent", cell.label(), raw);
				}
				return new BigDecimal(number).toPlainString();
			}
			case YES_NO -> {
				return switch (value.toLowerCase(Locale.ROOT)) {
					case "是", "yes", "true", "y" -> "是";
					case "否", "no", "false", "n" -> "否";
					default -> throw Problem.badRequest("catalogue.entry.yes-no", cell.label(), raw);
				};
			}
			default -> {
				if (raw.length() > 500) {
					throw Problem.badRequest("catalogue.entry.text", cell.label(), 500);
				}
				return raw;
			}
		}
	}

}
