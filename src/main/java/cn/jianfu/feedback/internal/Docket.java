package cn.jianfu.feedback.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditRecord;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTrail;
import cn.jianfu.gate.DemandEvidence;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;
import cn.jianfu.platform.WorkingCalendar;

/**
 * The accountability docket (问责台账): cases opened from reports, gate overrides and ungated
 * demands, each taken through notice (告知), the party's statement (陈述申辩), review (审查) and
 * decision (决定: dismissed, 通报, 约谈, 问责), with deadlines in working days from the rulebook
 * and the evidence chain from the gate's log. Decided cases with a published outcome feed
 * the bulletin of typical cases (典型问题通报), with places below the county and long numbers
 * removed.
 */
@Component
public class Docket {

	/** The procedural steps, in order. */
	public enum Step {

		NOTICE, STATEMENT, REVIEW, DECISION;

		public String messageKey() {
			return "case.step." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** What a case was opened from. */
	public enum Source {

		REPORT, OVERRIDE, UNGATED;

		public String messageKey() {
			return "case.source." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** A case with its steps. */
	public record Case(long id, String number, Source source, @Nullable Long reportId, @Nullable Long demandId,
			@Nullable Long ungatedId, @Nullable String partyUnitCode, String partyName, String jurisdictionPath,
			String summary, Category category, String status, @Nullable Outcome decision, @Nullable String decisionText,
			@Nullable String bulletinText, String openedBy, LocalDate openedOn, @Nullable LocalDate decidedOn,
			List<RecordedStep> steps) {

		public boolean decided() {
			return this.decision != null;
		}

		public boolean has(Step step) {
			return this.steps.stream().anyMatch(s -> s.step() == step);
		}

	}

	/** A recorded step and the deadline it had. */
	public record RecordedStep(Step step, String body, @Nullable LocalDate dueOn, LocalDate recordedOn,
			String recordedBy) {

		public boolean late() {
			return this.dueOn != null && this.recordedOn.isAfter(this.dueOn);
		}

	}

	/** A deadline still open on a case. */
	public record Deadline(Step step, LocalDate dueOn, boolean overdue) {
	}

	/** The evidence a case rests on. */
	public record Evidence(@Nullable Report report, DemandEvidence.@Nullable Record demand, List<AuditRecord> audit,
			GateWatch.@Nullable Ungated ungated) {
	}

	/** A typical case as published, without identifying details. */
	public record BulletinEntry(String number, String month, Category category, String partyName, Outcome decision,
			String text) {
	}

	private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d\\s-]{4,}\\d");

	private final JdbcClient jdbc;

	private final ReportDesk desk;

	private final Reports reports;

	private final GateWatch watch;

	private final DemandEvidence evidence;

	private final AuditTrail trail;

	private final AuditLog audit;

	private final OrgChart orgChart;

	private final WorkingCalendar calendar;

	private final Rulebook rulebook;

	Docket(JdbcClient jdbc, ReportDesk desk, Reports reports, GateWatch watch, DemandEvidence evidence,
			AuditTrail trail, AuditLog audit, OrgChart orgChart, WorkingCalendar calendar, Rulebook rulebook) {
		this.jdbc = jdbc;
		this.desk = desk;
		this.reports = reports;
		this.watch = watch;
		this.evidence = evidence;
		this.trail = trail;
		this.audit = audit;
		this.orgChart = orgChart;
		this.calendar = calendar;
		this.rulebook = rulebook;
	}

	/**
	 * Opens a case from a report (by its number), an override (by the demand id) or an
	 * ungated-demand report (by its id), in the supervisor's jurisdiction.
	 */
	@Transactional
	public String open(Viewer viewer, @Nullable String source, @Nullable String reference, @Nullable String summary) {
		ReportDesk.requireSupervisor(viewer);
		Source from;
		try {
			from = Source.valueOf(source == null ? "" : source);
		}
		catch (IllegalArgumentException ex) {
			throw Problem.badRequest("case.source.invalid");
		}
		String ref = reference == null ? "" : reference.strip();
		String text = summary == null ? "" : summary.strip();
		if (text.isEmpty()) {
			throw Problem.badRequest("case.summary.required");
		}
		if (text.length() > 4000) {
			throw Problem.badRequest("report.text.too-long", 4000);
		}
		Long reportId = null;
		Long demandId = null;
		Long ungatedId = null;
		String partyCode = null;
		String partyName;
		String path = viewer.scope().path();
		Category category;
		switch (from) {
			case REPORT -> {
				Report report = this.desk.view(viewer, ref);
				reportId = report.id();
				demandId = report.linkedDemandId();
				ungatedId = report.linkedUngatedId();
				partyCode = report.linkedIssuerCode();
				partyName = report.linkedIssuerName() == null ? "待查明" : report.linkedIssuerName();
				path = report.jurisdictionPath();
				category = report.category();
			}
			case OVERRIDE -> {
				long id = number(ref);
				GateWatch.Override override = this.watch.override(viewer, id)
					.orElseThrow(() -> Problem.notFound("case.override", ref));
				demandId = id;
				partyCode = override.demand().demand().issuerUnitCode();
				partyName = unitName(partyCode) + "（准入审核：" + override.gatekeeper() + "）";
				path = override.demand().issuerUnitPath();
				category = category(override.demand().demand().kind());
			}
			default -> {
				long id = number(ref);
				GateWatch.Ungated ungated = this.watch.ungated(viewer, id)
					.orElseThrow(() -> Problem.notFound("case.ungated", ref));
				ungatedId = id;
				partyName = ungated.issuer();
				category = Category.OTHER;
			}
		}
		LocalDate today = this.desk.today();
		String pending = "new-" + java.util.UUID.randomUUID().toString().substring(0, 16);
		this.jdbc
			.sql("insert into accountability_case (number, source, report_id, demand_id, ungated_id, party_unit_code,"
					+ " party_name, jurisdiction_path, summary, category, status, opened_by, opened_on) values"
					+ " (:number, :source, :report, :demand, :ungated, :partyCode, :party, :path, :summary, :category,"
					+ " 'OPEN', :by, :on)")
			.param("number", pending)
			.param("source", from.name())
			.param("report", reportId)
			.param("demand", demandId)
			.param("ungated", ungatedId)
			.param("partyCode", partyCode)
			.param("party", partyName)
			.param("path", path)
			.param("summary", text)
			.param("category", category.name())
			.param("by", viewer.username())
			.param("on", today)
			.update();
		long id = this.jdbc.sql("select id from accountability_case where number = :pending")
			.param("pending", pending)
			.query(Long.class)
			.single();
		String number = "WZ-%d-%06d".formatted(today.getYear(), id);
		this.jdbc.sql("update accountability_case set number = :number where id = :id")
			.param("number", number)
			.param("id", id)
			.update();
		record(viewer, "accountability.case.opened", number, "from " + from + " " + ref);
		return number;
	}

	/** Cases of the supervisor's jurisdiction, newest first. */
	@Transactional(readOnly = true)
	public List<Case> list(Viewer viewer) {
		ReportDesk.requireSupervisor(viewer);
		return this.jdbc
			.sql("select * from accountability_case where jurisdiction_path like :scope order by id desc limit 500")
			.param("scope", viewer.scope().pathPattern())
			.query((rs, row) -> rs.getLong("id"))
			.list()
			.stream()
			.map(this::load)
			.toList();
	}

	/** One case of the jurisdiction, or 404. */
	@Transactional(readOnly = true)
	public Case view(Viewer viewer, String number) {
		ReportDesk.requireSupervisor(viewer);
		return this.jdbc
			.sql("select id from accountability_case where number = :number and jurisdiction_path like :scope")
			.param("number", number)
			.param("scope", viewer.scope().pathPattern())
			.query(Long.class)
			.optional()
			.map(this::load)
			.orElseThrow(() -> Problem.notFound("case", number));
	}

	/**
	 * The decided case opened from this report, if any: the reporter sees its decision.
	 */
	@Transactional(readOnly = true)
	public Optional<Case> decisionOf(Report report) {
		return ofReport(report.id()).filter(Case::decided);
	}

	Optional<Case> ofReport(long reportId) {
		return this.jdbc.sql("select id from accountability_case where report_id = :id order by id desc limit 1")
			.param("id", reportId)
			.query(Long.class)
			.optional()
			.map(this::load);
	}

	/**
	 * The evidence chain: the report, the gate's record of the demand and its audit rows.
	 */
	@Transactional(readOnly = true)
	public Evidence evidence(Viewer viewer, Case c) {
		Report report = c.reportId() == null ? null : this.reports.byId(c.reportId()).orElse(null);
		DemandEvidence.Record demand = c.demandId() == null ? null
				: this.evidence.evidence(viewer, c.demandId()).orElse(null);
		List<AuditRecord> rows = c.demandId() == null ? List.of() : this.trail.about("demand:" + c.demandId());
		GateWatch.Ungated ungated = c.ungatedId() == null ? null
				: this.watch.ungated(viewer, c.ungatedId()).orElse(null);
		return new Evidence(report, demand, rows, ungated);
	}

	/**
	 * The deadlines still open: notice within {@code accountability.notice-days} working
	 * days of opening, the party's statement within {@code accountability.statement-days}
	 * of the notice, the decision within {@code accountability.decision-days} of opening.
	 */
	public List<Deadline> deadlines(Case c) {
		List<Deadline> open = new ArrayList<>();
		LocalDate today = this.desk.today();
		if (c.decided()) {
			return open;
		}
		if (!c.has(Step.NOTICE)) {
			open.add(deadline(Step.NOTICE, this.calendar.plusWorkingDays(c.openedOn(), days(c, "notice")), today));
		}
		else if (!c.has(Step.STATEMENT)) {
			LocalDate notice = c.steps().stream().filter(s -> s.step() == Step.NOTICE).findFirst().get().recordedOn();
			open.add(deadline(Step.STATEMENT, this.calendar.plusWorkingDays(notice, days(c, "statement")), today));
		}
		open.add(deadline(Step.DECISION, this.calendar.plusWorkingDays(c.openedOn(), days(c, "decision")), today));
		return open;
	}

	/**
	 * Records a step. Notice comes first; the statement and review follow it; the
	 * decision needs a review and an outcome, closes the case and the report it came
	 * from, and with a published outcome enters the bulletin.
	 */
	@Transactional
	public void record(Viewer viewer, String number, @Nullable String step, @Nullable String body,
			@Nullable String decision, @Nullable String bulletin) {
		Case c = view(viewer, number);
		if (c.decided()) {
			throw Problem.conflict("case.decided");
		}
		Step chosen;
		try {
			chosen = Step.valueOf(step == null ? "" : step);
		}
		catch (IllegalArgumentException ex) {
			throw Problem.badRequest("case.step.invalid");
		}
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw Problem.badRequest("case.body.required");
		}
		if (text.length() > 4000) {
			throw Problem.badRequest("report.text.too-long", 4000);
		}
		if (chosen != Step.NOTICE && !c.has(Step.NOTICE)) {
			throw Problem.conflict("case.notice-first");
		}
		if (chosen == Step.DECISION && !c.has(Step.REVIEW)) {
			throw Problem.conflict("case.review-first");
		}
		LocalDate due = deadlines(c).stream()
			.filter(d -> d.step() == chosen)
			.map(Deadline::dueOn)
			.findFirst()
			.orElse(null);
		LocalDate today = this.desk.today();
		this.jdbc
			.sql("insert into accountability_step (case_id, step, body, due_on, recorded_on, recorded_by)"
					+ " values (:case, :step, :body, :due, :on, :by)")
			.param("case", c.id())
			.param("step", chosen.name())
			.param("body", text)
			.param("due", due)
			.param("on", today)
			.param("by", viewer.username())
			.update();
		if (chosen == Step.DECISION) {
			Outcome outcome;
			try {
				outcome = Outcome.valueOf(decision == null ? "" : decision);
			}
			catch (IllegalArgumentException ex) {
				throw Problem.badRequest("case.decision.invalid");
			}
			if (!outcome.decision()) {
				throw Problem.badRequest("case.decision.invalid");
			}
			String published = null;
			if (outcome.published()) {
				String given = bulletin == null || bulletin.isBlank() ? c.summary() : bulletin.strip();
				published = redact(given, c.jurisdictionPath());
			}
			this.jdbc
				.sql("update accountability_case set status = 'DECIDED', decision = :decision, decision_text = :text,"
						+ " bulletin_text = :bulletin, decided_on = :on where id = :id")
				.param("decision", outcome.name())
				.param("text", text)
				.param("bulletin", published)
				.param("on", today)
				.param("id", c.id())
				.update();
			if (c.reportId() != null) {
				Report report = this.reports.byId(c.reportId()).orElseThrow();
				if (report.status() != Report.Status.CLOSED) {
					this.desk.closeWith(viewer, report, outcome, text);
				}
			}
			record(viewer, "accountability.case.decided", number, "decision " + outcome);
		}
		else {
			record(viewer, "accountability.case." + chosen.name().toLowerCase(Locale.ROOT), number,
					due == null ? "" : "due " + due);
		}
	}

	/**
	 * The bulletin of typical cases: decided cases with a published outcome, newest
	 * first.
	 */
	@Transactional(readOnly = true)
	public List<BulletinEntry> bulletin() {
		return this.jdbc
			.sql("select number, decided_on, category, party_name, decision, bulletin_text from accountability_case"
					+ " where bulletin_text is not null order by decided_on desc, id desc limit 200")
			.query((rs, row) -> new BulletinEntry(rs.getString("number"),
					rs.getObject("decided_on", LocalDate.class).toString().substring(0, 7),
					Category.valueOf(rs.getString("category")), rs.getString("party_name"),
					Outcome.valueOf(rs.getString("decision")), rs.getString("bulletin_text")))
			.list();
	}

	/**
	 * Removes what could identify a reporter: the names of townships and villages of the
	 * jurisdiction become 某镇街 / 某村（社区）, and runs of six or more digits (telephone
	 * numbers, receipt codes, identity numbers) become ***.
	 */
	String redact(String text, String jurisdictionPath) {
		String code = jurisdictionPath.substring(0, jurisdictionPath.length() - 1);
		code = code.substring(code.lastIndexOf('/') + 1);
		cn.jianfu.org.Scope scope = new cn.jianfu.org.Scope(code, jurisdictionPath);
		String redacted = LONG_NUMBER.matcher(text).replaceAll("***");
		for (UnitLevel level : List.of(UnitLevel.VILLAGE, UnitLevel.TOWNSHIP)) {
			int page = 0;
			Page<Unit> units;
			do {
				units = this.orgChart.search(scope, level, "", new Page.Request(page++, Page.MAX_SIZE));
				for (Unit unit : units.items()) {
					if (unit.name().length() >= 2 && redacted.contains(unit.name())) {
						redacted = redacted.replace(unit.name(), level == UnitLevel.VILLAGE ? "某村（社区）" : "某镇街");
					}
				}
			}
			while (units.hasNext() && page < 50);
		}
		return redacted;
	}

	private Case load(long id) {
		List<RecordedStep> steps = this.jdbc.sql("select * from accountability_step where case_id = :id order by id")
			.param("id", id)
			.query((rs, row) -> new RecordedStep(Step.valueOf(rs.getString("step")), rs.getString("body"),
					rs.getObject("due_on", LocalDate.class), rs.getObject("recorded_on", LocalDate.class),
					rs.getString("recorded_by")))
			.list();
		return this.jdbc.sql("select * from accountability_case where id = :id").param("id", id).query((rs, row) -> {
			String decision = rs.getString("decision");
			return new Case(id, rs.getString("number"), Source.valueOf(rs.getString("source")),
					rs.getObject("report_id", Long.class), rs.getObject("demand_id", Long.class),
					rs.getObject("ungated_id", Long.class), rs.getString("party_unit_code"), rs.getString("party_name"),
					rs.getString("jurisdiction_path"), rs.getString("summary"),
					Category.valueOf(rs.getString("category")), rs.getString("status"),
					decision == null ? null : Outcome.valueOf(decision), rs.getString("decision_text"),
					rs.getString("bulletin_text"), rs.getString("opened_by"),
					rs.getObject("opened_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class), steps);
		}).single();
	}

	private Deadline deadline(Step step, LocalDate due, LocalDate today) {
		return new Deadline(step, due, today.isAfter(due));
	}

	private int days(Case c, String which) {
		String path = c.jurisdictionPath();
		String code = path.substring(0, path.length() - 1);
		code = code.substring(code.lastIndexOf('/') + 1);
		return this.orgChart.unit(this.desk.everywhere(), code)
			.map(this.rulebook::forUnit)
			.orElseGet(() -> Rulebook.defaults(this.desk.everywhere().unitCode()))
			.integer("accountability." + which + "-days");
	}

	private String unitName(String code) {
		return this.orgChart.unit(this.desk.everywhere(), code).map(Unit::name).orElse(code);
	}

	private void record(Viewer viewer, String type, String number, String detail) {
		this.audit.record(new AuditEvent(viewer.username(), type, AuditResult.SUCCESS, "case:" + number, detail));
	}

	private static long number(String reference) {
		try {
			return Long.parseLong(reference);
		}
		catch (NumberFormatException ex) {
			throw new Problem(HttpStatus.BAD_REQUEST, "case.reference.invalid");
		}
	}

	private static Category category(DemandKind kind) {
		return switch (kind) {
			case DOCUMENT -> Category.DOCUMENTS;
			case MEETING -> Category.MEETINGS;
			case DATA_REQUEST -> Category.DATA;
			case INSPECTION -> Category.INSPECTIONS;
			case APP -> Category.APPS;
			default -> Category.OTHER;
		};
	}

}
