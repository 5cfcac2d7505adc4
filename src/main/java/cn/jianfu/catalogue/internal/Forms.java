package cn.jianfu.catalogue.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.MatchIndex.Decision;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandIntake;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * Data-request forms: an issuer lists the fields (typed, or taken from an uploaded
 * template), each is matched against the catalogue, and the form becomes the gate's
 * DATA_REQUEST draft with the flat values the checks and the burden estimator read
 * ({@code form.fields}, {@code form.prefilled}, {@code form.indicators},
 * {@code form.proposed}, {@code form.period} …), while the form itself stays here, keyed
 * by the demand's id.
 */
@Component
public class Forms {

	/** Most fields one form may have. */
	public static final int MAX_FIELDS = 300;

	private final Matcher matcher;

	private final DemandIntake intake;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final OrgChart orgChart;

	Forms(Matcher matcher, DemandIntake intake, JdbcClient jdbc, Clock clock, OrgChart orgChart) {
		this.matcher = matcher;
		this.intake = intake;
		this.jdbc = jdbc;
		this.clock = clock;
		this.orgChart = orgChart;
	}

	/**
	 * A form the viewer may read, as its roll-up: the issuer unit's issuers, and the
	 * administrators, gatekeepers and supervisors whose scope holds the issuer unit.
	 */
	public Form readable(Viewer viewer, long demandId) {
		Form form = find(demandId).orElseThrow(() -> Problem.notFound("catalogue.form", demandId));
		boolean overseer = (viewer.has(Role.ADMIN) || viewer.has(Role.GATEKEEPER) || viewer.has(Role.SUPERVISOR))
				&& this.orgChart.unit(viewer.scope(), form.issuerUnit()).isPresent();
		if (!overseer && !(viewer.has(Role.ISSUER) && viewer.unitCode().equals(form.issuerUnit()))) {
			throw Problem.notFound("catalogue.form", demandId);
		}
		return form;
	}

	/** What an issuer asks for. */
	public record Request(@Nullable String title, @Nullable String body, @Nullable String legalBasis,
			@Nullable PeriodType periodType, @Nullable String period, @Nullable Integer recipientLevel,
			@Nullable String recipientUnder, @Nullable LocalDate deadline, List<String> fields, boolean draw) {
	}

	/** One field of a form as matched. */
	public record Field(String label, @Nullable String unit, Decision decision, @Nullable String indicatorCode,
			@Nullable String candidateCode, @Nullable String candidateName, @Nullable String reason, boolean drawn,
			@Nullable String collector) {

		/** An indicator of the catalogue, asked of the recipients or drawn. */
		public boolean known() {
			return this.decision == Decision.MATCH;
		}

		Field drawing(boolean drawn, @Nullable String collector) {
			return new Field(this.label, this.unit, this.decision, this.indicatorCode, this.candidateCode,
					this.candidateName, this.reason, drawn, collector);
		}

	}

	/**
	 * Who already collects an indicator from the units under a unit, and how to get the
	 * values.
	 */
	public record Collection(String indicatorCode, String collector, String underUnit, String source) {
	}

	/** The collection of this indicator that covers the unit, if any. */
	public Optional<Collection> collected(String indicatorCode, String unitCode) {
		return this.jdbc.sql(
				"select indicator_code, collector, under_unit, source from catalogue_collection where indicator_code = :code")
			.param("code", indicatorCode)
			.query((rs, n) -> new Collection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list()
			.stream()
			.filter(c -> covers(c.underUnit(), unitCode))
			.findFirst();
	}

	static boolean covers(String under, String unitCode) {
		if (!cn.jianfu.org.UnitLevel.isCode(under) || !cn.jianfu.org.UnitLevel.isCode(unitCode)) {
			return false;
		}
		return cn.jianfu.org.UnitLevel.ofCode(under).truncate(unitCode).equals(under);
	}

	/** A stored form. */
	public record Form(long demandId, String issuerUnit, String title, PeriodType periodType, String period,
			int recipientLevel, String recipientUnder, LocalDate deadline, String status, List<Field> fields) {
	}

	/** The fields as the matcher sees them, for a preview. */
	public List<Field> preview(List<String> labels) {
		List<String> names = clean(labels);
		List<Field> fields = new ArrayList<>();
		List<MatchIndex.Result> results = this.matcher.match(names);
		for (MatchIndex.Result result : results) {
			MatchIndex.Candidate best = result.best();
			NameSlots slots = NameSlots.parse(result.name(), null);
			fields.add(new Field(result.name(), slots.unit(), result.decision(),
					result.decision() == Decision.MATCH && best != null ? best.code() : null,
					best == null ? null : best.code(), best == null ? null : best.name(),
					best == null ? null : best.reason(), false, null));
		}
		return fields;
	}

	/**
	 * Creates the form and the gate's draft for the viewer.
	 * @return the demand's id
	 */
	@Transactional
	public long create(Viewer viewer, Request request) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(org.springframework.http.HttpStatus.FORBIDDEN, "catalogue.form.issuer-only");
		}
		if (request.periodType() == null) {
			throw Problem.badRequest("catalogue.form.period-type");
		}
		String period = request.period() == null ? "" : request.period().strip();
		if (!request.periodType().accepts(period)) {
			throw Problem.badRequest("catalogue.form.period", period);
		}
		if (request.deadline() == null) {
			throw Problem.badRequest("catalogue.form.deadline");
		}
		int level = request.recipientLevel() == null ? 5 : request.recipientLevel();
		String under = request.recipientUnder() == null || request.recipientUnder().isBlank() ? viewer.unitCode()
				: request.recipientUnder().strip();
		List<Field> fields = new ArrayList<>();
		for (Field field : preview(request.fields())) {
			Optional<Collection> held = field.known() ? collected(field.indicatorCode(), under) : Optional.empty();
			fields.add(held.isPresent() ? field.drawing(request.draw(), held.get().collector()) : field);
		}
		if (fields.isEmpty()) {
			throw Problem.badRequest("catalogue.form.no-fields");
		}
		Map<String, String> details = details(request.periodType(), period, fields);
		LocalDate expires = request.deadline().plusYears(1);
		long id = this.intake.draft(viewer,
				new DemandDraft(DemandKind.DATA_REQUEST, request.title(),
						request.body() == null || request.body().isBlank() ? describe(fields) : request.body(), "统计",
						request.legalBasis(), null, level, under, request.deadline(), null, expires, null, false, false,
						false, false, null, details));
		this.jdbc.sql("insert into catalogue_form (demand_id, issuer_unit, issuer_account, title, period_type, period,"
				+ " recipient_level, recipient_under, deadline, status, created_at, owner) values (:id, :unit, :account,"
				+ " :title, :type, :period, :level, :under, :deadline, 'DRAFT', :now, :owner)")
			.param("owner",
					viewer.departmentName() == null ? viewer.unitName() : viewer.unitName() + viewer.departmentName())
			.param("id", id)
			.param("unit", viewer.unitCode())
			.param("account", viewer.username())
			.param("title", request.title())
			.param("type", request.periodType().name())
			.param("period", period)
			.param("level", level)
			.param("under", under)
			.param("deadline", Date.valueOf(request.deadline()))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		for (int i = 0; i < fields.size(); i++) {
			Field f = fields.get(i);
			this.jdbc
				.sql("insert into catalogue_form_field (demand_id, position, label, unit, decision, indicator_code,"
						+ " candidate_code, drawn) values (:id, :pos, :label, :unit, :decision, :code, :candidate, :drawn)")
				.param("drawn", f.drawn())
				.param("id", id)
				.param("pos", i)
				.param("label", f.label())
				.param("unit", f.unit())
				.param("decision", f.decision().json())
				.param("code", f.indicatorCode())
				.param("candidate", f.candidateCode())
				.update();
		}
		return id;
	}

	/**
	 * Draws from the catalogue every field of a draft or returned form that another
	 * department already collects from its recipients, as the {@code catalogue.held}
	 * finding asks, and writes the form's new details into the gate's demand; the issuer
	 * then submits it again.
	 * @return how many fields were drawn now
	 */
	@Transactional
	public int draw(Viewer viewer, long demandId) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(org.springframework.http.HttpStatus.FORBIDDEN, "catalogue.form.issuer-only");
		}
		DemandIntake.Tracked tracked = this.intake.find(viewer, demandId)
			.orElseThrow(() -> Problem.notFound("catalogue.form", demandId));
		Form form = find(demandId).orElseThrow(() -> Problem.notFound("catalogue.form", demandId));
		if (!form.issuerUnit().equals(viewer.unitCode())) {
			throw Problem.notFound("catalogue.form", demandId);
		}
		if (!tracked.status().equals("DRAFT") && !tracked.status().equals("RETURNED")) {
			throw Problem.conflict("catalogue.form.not-editable", demandId);
		}
		List<Field> fields = new ArrayList<>();
		int drawn = 0;
		for (Field field : form.fields()) {
			if (field.known() && !field.drawn()
					&& collected(field.indicatorCode(), form.recipientUnder()).isPresent()) {
				fields.add(field.drawing(true, null));
				drawn++;
			}
			else {
				fields.add(field);
			}
		}
		if (drawn == 0) {
			return 0;
		}
		for (Field field : fields) {
			if (field.drawn()) {
				this.jdbc.sql(
						"update catalogue_form_field set drawn = :drawn where demand_id = :id and indicator_code = :code")
					.param("drawn", true)
					.param("id", demandId)
					.param("code", field.indicatorCode())
					.update();
			}
		}
		DemandSnapshot d = tracked.demand();
		Map<String, String> details = new LinkedHashMap<>(d.details());
		details.putAll(details(form.periodType(), form.period(), fields));
		this.intake.edit(viewer, demandId, tracked.version(), new DemandDraft(d.kind(), d.title(),
				d.body().strip().equals(describe(form.fields()).strip()) ? describe(fields) : d.body(), d.field(),
				d.legalBasis(), null, form.recipientLevel(), form.recipientUnder(), d.dueDate(), null, d.expiresOn(),
				d.parentId(), d.specialTask(), d.note(), d.relaysParent(), d.requiresRelay(), null, details));
		return drawn;
	}

	static Map<String, String> details(PeriodType type, String period, List<Field> fields) {
		Map<String, String> details = new LinkedHashMap<>();
		long known = fields.stream().filter(Field::known).count();
		long drawn = fields.stream().filter(Field::drawn).count();
		details.put("form.fields", String.valueOf(fields.size()));
		details.put("form.prefilled", String.valueOf(known));
		details.put("form.drawn-count", String.valueOf(drawn));
		details.put("form.period-type", type.name());
		details.put("form.period", period);
		details.put("form.indicators",
				cut(String.join(",", new LinkedHashSet<>(
						fields.stream().filter(f -> f.known() && !f.drawn()).map(Field::indicatorCode).toList())),
						4000));
		details.put(
				"form.drawn", cut(
						String.join(",",
								new LinkedHashSet<>(
										fields.stream().filter(Field::drawn).map(Field::indicatorCode).toList())),
						4000));
		details.put("form.proposed",
				cut(String.join("\n", fields.stream().filter(f -> !f.known()).map(Field::label).toList()), 4000));
		return details;
	}

	/**
	 * The demand's body when the issuer wrote none: the fields asked, then those drawn
	 * from the catalogue, which the recipients do not fill.
	 */
	static String describe(List<Field> fields) {
		StringBuilder body = new StringBuilder("请按附表报送以下数据：\n");
		for (Field f : fields) {
			if (!f.drawn()) {
				body.append("- ").append(f.label()).append('\n');
			}
		}
		if (fields.stream().anyMatch(Field::drawn)) {
			body.append("以下数据从指标目录调取，无需填报：\n");
			for (Field f : fields) {
				if (f.drawn()) {
					body.append("- ").append(f.label()).append('\n');
				}
			}
		}
		return body.toString();
	}

	static List<String> clean(List<String> labels) {
		Set<String> seen = new LinkedHashSet<>();
		for (String label : labels) {
			String name = label == null ? "" : label.strip();
			if (!name.isEmpty()) {
				seen.add(name.length() > Indicator.NAME_LENGTH ? name.substring(0, Indicator.NAME_LENGTH) : name);
			}
		}
		if (seen.size() > MAX_FIELDS) {
			throw Problem.badRequest("catalogue.form.too-many-fields", MAX_FIELDS);
		}
		return List.copyOf(seen);
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	public Optional<Form> find(long demandId) {
		Optional<Form> form = this.jdbc.sql("select * from catalogue_form where demand_id = :id")
			.param("id", demandId)
			.query((rs, n) -> new Form(rs.getLong("demand_id"), rs.getString("issuer_unit"), rs.getString("title"),
					PeriodType.valueOf(rs.getString("period_type")), rs.getString("period"),
					rs.getInt("recipient_level"), rs.getString("recipient_under"), rs.getDate("deadline").toLocalDate(),
					rs.getString("status"), List.of()))
			.optional();
		return form.map(f -> new Form(f.demandId(), f.issuerUnit(), f.title(), f.periodType(), f.period(),
				f.recipientLevel(), f.recipientUnder(), f.deadline(), f.status(), fields(demandId)));
	}

	List<Field> fields(long demandId) {
		return this.jdbc.sql(
				"select f.label, f.unit, f.decision, f.indicator_code, f.candidate_code, f.drawn, i.name from catalogue_form_field f"
						+ " left join catalogue_indicator i on i.code = coalesce(f.indicator_code, f.candidate_code)"
						+ " where f.demand_id = :id order by f.position")
			.param("id", demandId)
			.query((rs, n) -> new Field(rs.getString("label"), rs.getString("unit"),
					Decision.valueOf(rs.getString("decision").toUpperCase(java.util.Locale.ROOT)),
					rs.getString("indicator_code"), rs.getString("candidate_code"), rs.getString("name"), null,
					rs.getBoolean("drawn"), null))
			.list();
	}

}
