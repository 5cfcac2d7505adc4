package cn.jianfu.feedback.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.gate.DemandEvidence;
import cn.jianfu.org.Department;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.FileStore;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * The anonymous channel and its triage. A reporter sends a report without signing in and
 * gets a receipt code; with that code alone they follow the case, add information and
 * confirm or dispute its closure. Supervisors of the report's jurisdiction link it to
 * demands, issuers and ungated-demand reports, record findings and close it. Every step
 * is audited; a reporter's steps as {@code anonymous}, with no trace of the sender.
 */
@Component
public class ReportDesk {

	/** Storage area of attachments under the data directory. */
	static final String AREA = "feedback";

	/** Longest text of a report or an addition. */
	public static final int MAX_TEXT = 8000;

	/** Most attachments per submission. */
	public static final int MAX_FILES = 5;

	/** Largest attachment, in bytes. */
	public static final long MAX_FILE = 10L * 1024 * 1024;

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Reports reports;

	private final ReportThrottle throttle;

	private final FileStore files;

	private final OrgChart orgChart;

	private final DemandEvidence evidence;

	private final AuditLog audit;

	private final Clock clock;

	private final Scope everywhere;

	ReportDesk(Reports reports, ReportThrottle throttle, FileStore files, OrgChart orgChart, DemandEvidence evidence,
			AuditLog audit, Clock clock, @Value("${jianfu.feedback.root-unit:500000000000}") String rootUnit) {
		this.reports = reports;
		this.throttle = throttle;
		this.files = files;
		this.orgChart = orgChart;
		this.evidence = evidence;
		this.audit = audit;
		this.clock = clock;
		this.everywhere = new Scope(rootUnit, "/" + rootUnit + "/");
	}

	/** A new report's receipt: the code (shown once) and the report's number. */
	public record Receipt(String code, String number) {

		public String grouped() {
			return Receipts.grouped(this.code);
		}

	}

	/**
	 * The places a reporter may name: counties and above, never a township or village.
	 */
	public List<Unit> places() {
		return this.orgChart.search(this.everywhere, UnitLevel.COUNTY, "", new Page.Request(0, Page.MAX_SIZE))
			.items()
			.stream()
			.sorted(java.util.Comparator.comparing(Unit::code))
			.toList();
	}

	/**
	 * Stores a report, its attachments stripped of metadata, and returns its receipt;
	 * rate-limited for everyone alike.
	 */
	@Transactional
	public Receipt submit(@Nullable String category, @Nullable String text, @Nullable String placeCode,
			List<byte[]> uploads) {
		this.throttle.submission();
		Category chosen = category(category);
		String body = text(text, "text");
		Unit place = place(placeCode);
		List<MetadataStripper.Stripped> stripped = strip(uploads);
		String code = Receipts.next();
		String hash = Receipts.hash(code);
		long id = this.reports.insert(chosen, body, place == null ? null : place.code(),
				place == null ? this.everywhere.path() : place.path(), today(), hash);
		attach(id, stripped);
		Report report = this.reports.byId(id).orElseThrow();
		this.audit.record(new AuditEvent(AuditTypes.ANONYMOUS, "feedback.report.received", AuditResult.SUCCESS,
				"report:" + report.number(), "category " + chosen + ", " + stripped.size() + " attachments"));
		return new Receipt(code, report.number());
	}

	/** The report with this receipt code, if any; every lookup is rate-limited. */
	@Transactional(readOnly = true)
	public Optional<Report> follow(@Nullable String typed) {
		this.throttle.lookup();
		return Receipts.normalise(typed).flatMap(code -> this.reports.byReceipt(Receipts.hash(code))).map(this::named);
	}

	/** The reporter adds information to their report. */
	@Transactional
	public Report addInformation(@Nullable String typed, @Nullable String text, List<byte[]> uploads) {
		Report report = reporters(typed);
		String body = uploads.isEmpty() ? text(text, "text") : (text == null ? "" : text.strip());
		if (body.length() > MAX_TEXT) {
			throw Problem.badRequest("report.text.too-long", MAX_TEXT);
		}
		List<MetadataStripper.Stripped> stripped = strip(uploads);
		this.reports.note(report.id(), "INFO", body, null, today());
		attach(report.id(), stripped);
		this.audit.record(new AuditEvent(AuditTypes.ANONYMOUS, "feedback.report.added", AuditResult.SUCCESS,
				"report:" + report.number(), stripped.size() + " attachments"));
		return this.reports.byId(report.id()).map(this::named).orElseThrow();
	}

	/** The reporter confirms or disputes the closure; a later answer replaces it. */
	@Transactional
	public Report respond(@Nullable String typed, @Nullable String verdict, @Nullable String comment) {
		Report report = reporters(typed);
		if (report.status() != Report.Status.CLOSED) {
			throw Problem.conflict("report.not-closed");
		}
		Report.Verdict answer;
		try {
			answer = Report.Verdict.valueOf(verdict == null ? "" : verdict);
		}
		catch (IllegalArgumentException ex) {
			throw Problem.badRequest("report.verdict.invalid");
		}
		String text = comment == null ? "" : comment.strip();
		if (text.length() > MAX_TEXT) {
			throw Problem.badRequest("report.text.too-long", MAX_TEXT);
		}
		this.reports.verdict(report.id(), answer);
		this.reports.note(report.id(), answer.name(), text, null, today());
		this.audit.record(new AuditEvent(AuditTypes.ANONYMOUS, "feedback.report." + answer.name().toLowerCase(),
				AuditResult.SUCCESS, "report:" + report.number(), ""));
		return this.reports.byId(report.id()).map(this::named).orElseThrow();
	}

	private Report reporters(@Nullable String typed) {
		return follow(typed).orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "report.receipt.unknown"));
	}

	// supervisors

	/** Reports of the supervisor's jurisdiction, newest first. */
	@Transactional(readOnly = true)
	public List<Report> list(Viewer viewer, Report.@Nullable Status status) {
		requireSupervisor(viewer);
		return this.reports.list(viewer.scope(), status, 500).stream().map(this::named).toList();
	}

	/** One report of the jurisdiction, or 404. */
	@Transactional(readOnly = true)
	public Report view(Viewer viewer, String number) {
		requireSupervisor(viewer);
		return this.reports.byNumber(viewer.scope(), number)
			.map(this::named)
			.orElseThrow(() -> Problem.notFound("report", number));
	}

	/**
	 * Links the report to a demand by its gate number (which also names the issuer), to
	 * an issuing unit by code or name, or to a demand reported as ungated.
	 */
	@Transactional
	public void link(Viewer viewer, String number, @Nullable String gateNumber, @Nullable String issuer,
			@Nullable Long ungatedId) {
		Report report = view(viewer, number);
		StringBuilder detail = new StringBuilder();
		Long demandId = null;
		String issuerCode = null;
		String issuerName = null;
		if (gateNumber != null && !gateNumber.isBlank()) {
			demandId = this.evidence.byGateNumber(viewer, gateNumber)
				.orElseThrow(() -> Problem.notFound("report.gate-number", gateNumber.strip()));
			DemandEvidence.Record demand = this.evidence.evidence(viewer, demandId).orElseThrow();
			issuerCode = demand.demand().issuerUnitCode();
			issuerName = issuerName(viewer, issuerCode, demand.demand().issuerDepartmentId());
			detail.append("demand ").append(gateNumber.strip()).append("; ");
		}
		if (issuer != null && !issuer.isBlank() && issuerName == null) {
			String name = issuer.strip();
			if (name.length() > 200) {
				throw Problem.badRequest("report.issuer.too-long");
			}
			Optional<Unit> unit = name.matches("\\d{12}") ? this.orgChart.unit(viewer.scope(), name) : Optional.empty();
			issuerCode = unit.map(Unit::code).orElse(null);
			issuerName = unit.map(Unit::name).orElse(name);
			detail.append("issuer ").append(issuerName).append("; ");
		}
		if (ungatedId != null) {
			if (!this.reports.ungatedInScope(viewer.scope(), ungatedId)) {
				throw Problem.notFound("report.ungated", ungatedId);
			}
			detail.append("ungated ").append(ungatedId).append("; ");
		}
		if (detail.isEmpty()) {
			throw Problem.badRequest("report.link.empty");
		}
		this.reports.link(report.id(), demandId, gateNumber == null || gateNumber.isBlank() ? null : gateNumber.strip(),
				issuerCode, issuerName, ungatedId);
		this.reports.note(report.id(), "LINK", detail.toString().strip(), viewer.username(), today());
		if (report.status() == Report.Status.NEW) {
			this.reports.status(report.id(), Report.Status.INVESTIGATING);
		}
		audit(viewer, "feedback.report.linked", report, detail.toString().strip());
	}

	/**
	 * Records an internal finding ({@code FINDING}) or a message the reporter sees
	 * ({@code REPLY}); a new report moves to investigating.
	 */
	@Transactional
	public void note(Viewer viewer, String number, @Nullable String kind, @Nullable String text) {
		Report report = view(viewer, number);
		if (!"FINDING".equals(kind) && !"REPLY".equals(kind)) {
			throw Problem.badRequest("report.note.kind");
		}
		String body = text(text, "text");
		this.reports.note(report.id(), kind, body, viewer.username(), today());
		if (report.status() == Report.Status.NEW) {
			this.reports.status(report.id(), Report.Status.INVESTIGATING);
		}
		audit(viewer, "feedback.report." + kind.toLowerCase(), report, "");
	}

	/** Closes the report with an outcome and a text the reporter reads. */
	@Transactional
	public void close(Viewer viewer, String number, @Nullable String outcome, @Nullable String text) {
		Report report = view(viewer, number);
		Outcome chosen;
		try {
			chosen = Outcome.valueOf(outcome == null ? "" : outcome);
		}
		catch (IllegalArgumentException ex) {
			throw Problem.badRequest("report.outcome.invalid");
		}
		closeWith(viewer, report, chosen, text(text, "outcomeText"));
	}

	void closeWith(Viewer viewer, Report report, Outcome outcome, String text) {
		this.reports.close(report.id(), outcome, text, today());
		this.reports.note(report.id(), "CLOSURE", text, viewer.username(), today());
		audit(viewer, "feedback.report.closed", report, "outcome " + outcome);
	}

	/** The stored file of an attachment of a report in the jurisdiction. */
	@Transactional(readOnly = true)
	public Path attachment(Viewer viewer, String storedId) {
		requireSupervisor(viewer);
		long reportId = this.reports.reportOfAttachment(storedId)
			.orElseThrow(() -> Problem.notFound("report.attachment", storedId));
		Report report = this.reports.byId(reportId).orElseThrow();
		if (!viewer.scope().includes(report.jurisdictionPath())) {
			throw Problem.notFound("report.attachment", storedId);
		}
		audit(viewer, "feedback.attachment.read", report, storedId);
		return this.files.path(AREA, storedId);
	}

	static void requireSupervisor(Viewer viewer) {
		if (!viewer.has(Role.SUPERVISOR)) {
			throw new Problem(HttpStatus.FORBIDDEN, "report.not-supervisor");
		}
	}

	private void audit(Viewer viewer, String type, Report report, String detail) {
		this.audit
			.record(new AuditEvent(viewer.username(), type, AuditResult.SUCCESS, "report:" + report.number(), detail));
	}

	private String issuerName(Viewer viewer, String unitCode, @Nullable Long departmentId) {
		Unit unit = this.orgChart.unit(viewer.scope(), unitCode)
			.or(() -> this.orgChart.unit(this.everywhere, unitCode))
			.orElseThrow();
		if (departmentId != null) {
			for (Department department : this.orgChart.departments(this.everywhere, unitCode)) {
				if (department.id() == departmentId) {
					String name = department.name();
					String suffix = unit.name().substring(unit.name().length() - 1);
					return unit.name() + (name.length() > 1 && name.startsWith(suffix) ? name.substring(1) : name);
				}
			}
		}
		return unit.name();
	}

	private Report named(Report report) {
		String name = report.placeCode() == null ? null
				: this.orgChart.unit(this.everywhere, report.placeCode()).map(Unit::name).orElse(null);
		return new Report(report.id(), report.number(), report.category(), report.body(), report.placeCode(), name,
				report.jurisdictionPath(), report.receivedOn(), report.status(), report.outcome(), report.outcomeText(),
				report.closedOn(), report.reporterVerdict(), report.linkedDemandId(), report.linkedGateNumber(),
				report.linkedIssuerCode(), report.linkedIssuerName(), report.linkedUngatedId(), report.version(),
				report.notes(), report.attachments());
	}

	private static Category category(@Nullable String category) {
		try {
			return Category.valueOf(category == null ? "" : category.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Problem.badRequest("report.category.invalid");
		}
	}

	private static String text(@Nullable String text, String field) {
		String body = text == null ? "" : text.strip();
		if (body.isEmpty()) {
			throw Problem.badRequest("report." + field + ".required");
		}
		if (body.length() > MAX_TEXT) {
			throw Problem.badRequest("report.text.too-long", MAX_TEXT);
		}
		return body;
	}

	private @Nullable Unit place(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		Unit unit = this.orgChart.unit(this.everywhere, code.strip())
			.orElseThrow(() -> Problem.badRequest("report.place.invalid"));
		if (unit.level().number() > UnitLevel.COUNTY.number()) {
			throw Problem.badRequest("report.place.too-fine");
		}
		return unit;
	}

	private static List<MetadataStripper.Stripped> strip(List<byte[]> uploads) {
		if (uploads.size() > MAX_FILES) {
			throw Problem.badRequest("report.attachment.too-many", MAX_FILES);
		}
		return uploads.stream().map(bytes -> {
			if (bytes.length > MAX_FILE) {
				throw new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "report.attachment.too-large", MAX_FILE);
			}
			return MetadataStripper.strip(bytes);
		}).toList();
	}

	private void attach(long reportId, List<MetadataStripper.Stripped> stripped) {
		for (MetadataStripper.Stripped file : stripped) {
			FileStore.Stored stored = this.files.save(AREA, new ByteArrayInputStream(file.bytes()), MAX_FILE * 2);
			this.reports.attach(reportId, stored.id(), stored.contentType(), stored.size(), stored.sha256());
		}
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(CHINA));
	}

	Scope everywhere() {
		return this.everywhere;
	}

}
