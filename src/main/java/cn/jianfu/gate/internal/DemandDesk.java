package cn.jianfu.gate.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandIntake;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * The issuer's side of the gate: drafts, edits, answers to findings, issuing and
 * withdrawing, and who may read which demand. Loads the aggregate, calls it, saves it,
 * audits the change and publishes its events in the same transaction.
 */
@Component
public class DemandDesk implements DemandIntake {

	private static final Pattern DETAIL_KEY = Pattern.compile("[a-z0-9][a-z0-9.\\-]{0,99}");

	private final Demands demands;

	private final OrgChart orgChart;

	private final AssessmentChecklist checklist;

	private final GateNumbers numbers;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DemandDesk(Demands demands, OrgChart orgChart, AssessmentChecklist checklist, GateNumbers numbers, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.demands = demands;
		this.orgChart = orgChart;
		this.checklist = checklist;
		this.numbers = numbers;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a draft for the viewer's unit (and department), which must have the issuer
	 * role.
	 */
	@Transactional
	public DemandId create(Viewer viewer, DemandDraft draft) {
		return create(viewer, draft, this.clock.instant());
	}

	/**
	 * Creates a draft as of the given instant (see {@link cn.jianfu.gate.DemandSteps}).
	 */
	@Transactional
	public DemandId create(Viewer viewer, DemandDraft draft, Instant at) {
		requireIssuer(viewer);
		Demand.Content content = content(viewer, draft, null);
		Unit unit = this.orgChart.require(viewer.scope(), viewer.unitCode());
		Demand demand = Demand
			.draft(new Demand.Issuer(unit.code(), unit.path(), viewer.departmentId(), viewer.username()), content, at);
		this.demands.insert(demand);
		record(viewer, demand, "demand.created", content.kind() + " " + content.title());
		return demand.id();
	}

	@Override
	public long draft(Viewer viewer, DemandDraft draft) {
		return create(viewer, draft).value();
	}

	@Override
	public void edit(Viewer viewer, long id, @Nullable Integer version, DemandDraft draft) {
		edit(viewer, new DemandId(id), version, draft);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Tracked> find(Viewer viewer, long id) {
		return this.demands.find(new DemandId(id))
			.filter(demand -> visible(viewer, demand))
			.map(demand -> new Tracked(demand.snapshot(), demand.version(), demand.status().name(),
					demand.gateNumber()));
	}

	@Transactional
	public void edit(Viewer viewer, DemandId id, @Nullable Integer version, DemandDraft draft) {
		Demand demand = own(viewer, id, version);
		DemandDraft kept = draft.details() == null ? draft.withDetails(demand.content().details()) : draft;
		Demand.Content content = content(viewer, kept, id);
		transition(() -> demand.edit(content, this.clock.instant()));
		save(viewer, demand, "demand.edited", content.title());
	}

	@Transactional
	public void justify(Viewer viewer, DemandId id, @Nullable Integer version, Map<String, String> answers) {
		justify(viewer, id, version, answers, this.clock.instant());
	}

	@Transactional
	public void justify(Viewer viewer, DemandId id, @Nullable Integer version, Map<String, String> answers,
			Instant at) {
		Demand demand = own(viewer, id, version);
		transition(() -> demand.justify(answers, at));
		this.demands.recordJustifications(demand);
		save(viewer, demand, "demand.justified", String.join(",", answers.keySet()));
	}

	/** Issues an admitted or approved demand and returns its new gate number. */
	@Transactional
	public String issue(Viewer viewer, DemandId id, @Nullable Integer version) {
		return issue(viewer, id, version, this.clock.instant());
	}

	/**
	 * Issues as of the given instant: the gate number takes that instant's year (see
	 * {@link cn.jianfu.gate.DemandSteps}).
	 */
	@Transactional
	public String issue(Viewer viewer, DemandId id, @Nullable Integer version, Instant now) {
		Demand demand = own(viewer, id, version);
		transition(demand::requireIssuable);
		String number = this.numbers.next(demand.issuer().unitCode(),
				LocalDate.ofInstant(now, Demands.CHINA).getYear());
		demand.issue(number, now);
		save(viewer, demand, "demand.issued", number);
		return number;
	}

	@Transactional
	public void withdraw(Viewer viewer, DemandId id, @Nullable Integer version) {
		Demand demand = own(viewer, id, version);
		transition(() -> demand.withdraw(this.clock.instant()));
		save(viewer, demand, "demand.withdrawn", "");
	}

	/** Closes an issued demand: the work it asked for is done. */
	@Transactional
	public void close(Viewer viewer, DemandId id, @Nullable Integer version) {
		Demand demand = own(viewer, id, version);
		transition(() -> demand.close(this.clock.instant()));
		save(viewer, demand, "demand.closed", "");
	}

	/** The demand if the viewer may read it, else not found. */
	@Transactional(readOnly = true)
	public Demand view(Viewer viewer, DemandId id) {
		Demand demand = this.demands.find(id).orElseThrow(() -> Problem.notFound("demand", id));
		if (!visible(viewer, demand)) {
			throw Problem.notFound("demand", id);
		}
		return demand;
	}

	/**
	 * The viewer's demands: its own unit's for an issuer, the whole jurisdiction's for a
	 * gatekeeper, supervisor or administrator.
	 */
	@Transactional(readOnly = true)
	public Page<Demands.Summary> list(Viewer viewer, @Nullable DemandStatus status, Page.Request request) {
		String unit = overseer(viewer) ? null : viewer.unitCode();
		return new Page<>(this.demands.list(viewer.scope(), unit, status, request.offset(), request.size()),
				request.page(), request.size(), this.demands.count(viewer.scope(), unit, status));
	}

	/**
	 * Whether the viewer may read the demand: its issuing unit, or a gatekeeper,
	 * supervisor or administrator whose scope contains that unit.
	 */
	public boolean visible(Viewer viewer, Demand demand) {
		return viewer.scope().includes(demand.issuer().unitPath())
				&& (viewer.unitCode().equals(demand.issuer().unitCode()) || overseer(viewer));
	}

	public boolean mayIssue(Viewer viewer, Demand demand) {
		return viewer.has(Role.ISSUER) && viewer.unitCode().equals(demand.issuer().unitCode());
	}

	static boolean overseer(Viewer viewer) {
		return viewer.has(Role.GATEKEEPER) || viewer.has(Role.SUPERVISOR) || viewer.has(Role.ADMIN);
	}

	/** Loads a demand the viewer issues, at the version the viewer read if given. */
	Demand own(Viewer viewer, DemandId id, @Nullable Integer version) {
		Demand demand = view(viewer, id);
		if (!mayIssue(viewer, demand)) {
			throw new Problem(HttpStatus.FORBIDDEN, "demand.not-issuer");
		}
		requireVersion(demand, version);
		return demand;
	}

	static void requireVersion(Demand demand, @Nullable Integer version) {
		if (version != null && version != demand.version()) {
			throw Problem.conflict("demand.stale", demand.id().value());
		}
	}

	/**
	 * Runs a state change, answering a wrong state as a conflict with the current status.
	 */
	static void transition(Runnable change) {
		try {
			change.run();
		}
		catch (IllegalStateException ex) {
			throw Problem.conflict("demand.state", ex.getMessage());
		}
	}

	void save(Viewer viewer, Demand demand, String auditType, String detail) {
		this.demands.update(demand);
		record(viewer, demand, auditType, detail);
		demand.takeEvents().forEach(this.events::publishEvent);
	}

	private void record(Viewer viewer, Demand demand, String type, String detail) {
		this.audit.record(new AuditEvent(viewer.username(), type, AuditResult.SUCCESS, "demand:" + demand.id(),
				demand.status() + (detail.isEmpty() ? "" : "; " + detail)));
	}

	private static void requireIssuer(Viewer viewer) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "demand.not-issuer");
		}
	}

	/**
	 * Checks a draft: required fields, recipients inside the viewer's scope, a parent the
	 * viewer may see, and the assessment scored.
	 */
	Demand.Content content(Viewer viewer, DemandDraft draft, @Nullable DemandId self) {
		if (draft.kind() == null) {
			throw Problem.badRequest("demand.kind");
		}
		String title = text(draft.title());
		if (title == null || title.length() > 200) {
			throw Problem.badRequest("demand.title", 200);
		}
		String body = draft.body() == null ? "" : draft.body().strip();
		if (body.isEmpty() || body.length() > 200_000) {
			throw Problem.badRequest("demand.body", 200_000);
		}
		if (draft.dueDate() == null) {
			throw Problem.badRequest("demand.due-date");
		}
		if (draft.responseDays() != null && (draft.responseDays() < 0 || draft.responseDays() > 366)) {
			throw Problem.badRequest("demand.response-days");
		}
		String field = text(draft.field());
		String legalBasis = text(draft.legalBasis());
		if ((field != null && field.length() > 40) || (legalBasis != null && legalBasis.length() > 1000)) {
			throw Problem.badRequest("demand.too-long");
		}
		Recipients recipients = recipients(viewer.scope(), draft);
		Long parentId = draft.parentId();
		if (parentId != null) {
			DemandId parent = new DemandId(parentId);
			Demand found = this.demands.find(parent).orElseThrow(() -> Problem.notFound("demand", parentId));
			if (parent.equals(self) || !(visible(viewer, found) || this.demands.addresses(parent, viewer.unitCode()))) {
				throw Problem.notFound("demand", parentId);
			}
		}
		Assessment assessment = draft.assessment() == null ? null : this.checklist.score(draft.assessment());
		return new Demand.Content(draft.kind(), title, body, field, legalBasis, recipients, draft.dueDate(),
				draft.responseDays(), draft.expiresOn(), parentId, flag(draft.specialTask()), flag(draft.note()),
				flag(draft.relaysParent()), flag(draft.requiresRelay()), assessment, details(draft.details()));
	}

	/**
	 * Kind-specific details: at most 200, keys of lower-case words, values of 4000
	 * characters.
	 */
	static Map<String, String> details(@Nullable Map<String, String> details) {
		if (details == null) {
			return Map.of();
		}
		if (details.size() > 200) {
			throw Problem.badRequest("demand.details", 200);
		}
		Map<String, String> checked = new TreeMap<>();
		details.forEach((key, value) -> {
			if (key == null || !DETAIL_KEY.matcher(key).matches()) {
				throw Problem.badRequest("demand.detail.key", String.valueOf(key));
			}
			if (value != null && value.length() > 4000) {
				throw Problem.badRequest("demand.detail.value", key, 4000);
			}
			if (value != null) {
				checked.put(key, value);
			}
		});
		return checked;
	}

	private Recipients recipients(Scope scope, DemandDraft draft) {
		List<String> codes = draft.recipientUnitCodes() == null ? List.of()
				: draft.recipientUnitCodes().stream().filter(c -> c != null && !c.isBlank()).toList();
		if (!codes.isEmpty()) {
			Recipients explicit = Recipients.explicit(codes);
			if (explicit.unitCodes().size() > 5000) {
				throw Problem.badRequest("demand.recipients");
			}
			for (String code : explicit.unitCodes()) {
				if (this.orgChart.unit(scope, code).isEmpty()) {
					throw Problem.badRequest("demand.recipient.out-of-scope", code);
				}
			}
			return explicit;
		}
		if (draft.recipientLevel() != null && draft.recipientUnder() != null && !draft.recipientUnder().isBlank()) {
			String under = draft.recipientUnder().strip();
			Unit unit = this.orgChart.unit(scope, under)
				.orElseThrow(() -> Problem.badRequest("demand.recipient.out-of-scope", under));
			UnitLevel level;
			try {
				level = UnitLevel.of(draft.recipientLevel());
			}
			catch (IllegalArgumentException ex) {
				throw Problem.badRequest("demand.recipient.level", draft.recipientLevel());
			}
			if (level.number() <= unit.level().number()) {
				throw Problem.badRequest("demand.recipient.level", draft.recipientLevel());
			}
			return Recipients.allOf(level, under);
		}
		throw Problem.badRequest("demand.recipients");
	}

	/**
	 * The recipients as units: explicit codes looked up in the scope, or every unit of
	 * the level under the given one.
	 */
	List<Unit> resolve(Scope scope, Recipients recipients) {
		List<Unit> units = new ArrayList<>();
		if (!recipients.byLevel()) {
			for (String code : recipients.unitCodes()) {
				units.add(this.orgChart.unit(scope, code)
					.orElseThrow(() -> Problem.badRequest("demand.recipient.out-of-scope", code)));
			}
			return units;
		}
		Unit under = this.orgChart.unit(scope, recipients.under())
			.orElseThrow(() -> Problem.badRequest("demand.recipient.out-of-scope", recipients.under()));
		Scope subtree = new Scope(under.code(), under.path());
		for (int page = 0;; page++) {
			Page<Unit> found = this.orgChart.search(subtree, recipients.level(), "",
					new Page.Request(page, Page.MAX_SIZE));
			LocalDate today = LocalDate.ofInstant(this.clock.instant(), Demands.CHINA);
			found.items().stream().filter(u -> u.open(today)).forEach(units::add);
			if (!found.hasNext()) {
				return units;
			}
		}
	}

	private static @Nullable String text(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static boolean flag(@Nullable Boolean value) {
		return Boolean.TRUE.equals(value);
	}

}
