package cn.jianfu.meetings.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandIntake;
import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandWithdrawn;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * Meeting demands: validates the issuer's meeting as a whole, places it at the gate
 * through {@link DemandIntake} (kind MEETING, with the flat {@code meeting.*} details the
 * checks and the estimator read) and keeps its own record under the same id, in one
 * transaction, so that a refused value leaves nothing written. Listens for the issue to
 * put the meeting in its recipients' calendars, and records who attended.
 */
@Service
public class MeetingDesk {

	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final int MAX_AGENDA = 20;

	static final int MAX_PER_ROLE = 100;

	static final int MAX_ATTENDEES = 200;

	private final DemandIntake intake;

	private final Meetings meetings;

	private final MeetingPlan plan;

	private final Rulebook rulebook;

	private final OrgChart orgChart;

	private final AuditLog audit;

	private final Clock clock;

	MeetingDesk(DemandIntake intake, Meetings meetings, MeetingPlan plan, Rulebook rulebook, OrgChart orgChart,
			AuditLog audit, Clock clock) {
		this.intake = intake;
		this.meetings = meetings;
		this.plan = plan;
		this.rulebook = rulebook;
		this.orgChart = orgChart;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A meeting with the gate's view of its demand.
	 *
	 * @param status the gate's status name
	 */
	public record View(Meeting meeting, int version, String status, @Nullable String gateNumber,
			List<String> recipientUnitCodes, String body, @Nullable String legalBasis) {
	}

	@Transactional
	public long create(Viewer viewer, MeetingRequest request) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "demand.not-issuer");
		}
		Meeting meeting = validate(viewer, 0, request);
		long id;
		try {
			id = this.intake.draft(viewer, draft(viewer, meeting, request));
		}
		catch (Problem problem) {
			throw gateProblem(problem);
		}
		this.meetings.insert(withId(meeting, id));
		record(viewer, "meeting.created", id, meeting.title());
		return id;
	}

	@Transactional
	public void edit(Viewer viewer, long id, @Nullable Integer version, MeetingRequest request) {
		Meeting existing = this.meetings.find(id).orElseThrow(() -> Problem.notFound("meeting", id));
		this.intake.find(viewer, id).orElseThrow(() -> Problem.notFound("meeting", id));
		Meeting meeting = validate(viewer, id, request);
		try {
			this.intake.edit(viewer, id, version, draft(viewer, meeting, request));
		}
		catch (Problem problem) {
			throw gateProblem(problem);
		}
		this.meetings.update(withId(meeting, existing.demandId()));
		record(viewer, "meeting.edited", id, meeting.title());
	}

	/**
	 * The meeting if the viewer may read it: the issuing unit and its overseers (as the
	 * gate decides), or a recipient once issued.
	 */
	@Transactional(readOnly = true)
	public View view(Viewer viewer, long id) {
		Meeting meeting = this.meetings.find(id).orElseThrow(() -> Problem.notFound("meeting", id));
		Optional<DemandIntake.Tracked> tracked = this.intake.find(viewer, id);
		if (tracked.isPresent()) {
			DemandIntake.Tracked t = tracked.get();
			return new View(meeting, t.version(), t.status(), t.gateNumber(), t.demand().recipientUnitCodes(),
					t.demand().body(), t.demand().legalBasis());
		}
		if (meeting.issuedAt() != null && this.meetings.addressedTo(id, viewer.unitCode())) {
			return new View(meeting, 0, meeting.cancelled() ? "WITHDRAWN" : "ISSUED", meeting.gateNumber(),
					List.of(viewer.unitCode()), "", null);
		}
		throw Problem.notFound("meeting", id);
	}

	/** The meetings the viewer's unit issued, newest first. */
	@Transactional(readOnly = true)
	public List<Meeting> mine(Viewer viewer) {
		return this.meetings.issuedBy(viewer.unitCode(), 200);
	}

	/**
	 * Records who attended for the viewer's unit, replacing what it recorded before; the
	 * unit must be a recipient of the issued meeting. Names and roles only: never photos.
	 */
	@Transactional
	public void recordAttendance(Viewer viewer, long id, List<Attendance> attendees) {
		Meeting meeting = this.meetings.find(id).orElseThrow(() -> Problem.notFound("meeting", id));
		if (meeting.issuedAt() == null || !this.meetings.addressedTo(id, viewer.unitCode())) {
			throw Problem.notFound("meeting", id);
		}
		List<MeetingInvalid.FieldError> errors = new ArrayList<>();
		if (attendees.isEmpty()) {
			errors.add(new MeetingInvalid.FieldError("attendees", "meeting.attendance.empty"));
		}
		if (attendees.size() > MAX_ATTENDEES) {
			errors.add(new MeetingInvalid.FieldError("attendees", "meeting.attendance.too-many", MAX_ATTENDEES));
		}
		Instant now = this.clock.instant();
		List<Meetings.Attendee> rows = new ArrayList<>();
		for (Attendance a : attendees) {
			if (a.name() == null || a.name().isBlank() || a.name().strip().length() > 64) {
				errors.add(new MeetingInvalid.FieldError("attendees", "meeting.attendance.name", 64));
			}
			else if (a.role() == null) {
				errors.add(new MeetingInvalid.FieldError("attendees", "meeting.attendance.role"));
			}
			else {
				rows.add(new Meetings.Attendee(viewer.unitCode(), a.name().strip(), a.role(), viewer.username(), now));
			}
		}
		if (!errors.isEmpty()) {
			throw new MeetingInvalid(errors);
		}
		this.meetings.replaceAttendance(id, viewer.unitCode(), rows);
		record(viewer, "meeting.attendance", id, rows.size() + " attendees for " + viewer.unitCode());
	}

	/** One attendee as the form or API sends it. */
	public record Attendance(@Nullable String name, @Nullable AttendeeRole role) {
	}

	/** Who attended: all units for the issuer's side, the viewer's own unit otherwise. */
	@Transactional(readOnly = true)
	public List<Meetings.Attendee> attendance(Viewer viewer, long id) {
		if (this.intake.find(viewer, id).isPresent()) {
			this.meetings.find(id).orElseThrow(() -> Problem.notFound("meeting", id));
			return this.meetings.attendance(id, null);
		}
		if (this.meetings.addressedTo(id, viewer.unitCode())) {
			return this.meetings.attendance(id, viewer.unitCode());
		}
		throw Problem.notFound("meeting", id);
	}

	@ApplicationModuleListener
	void on(DemandIssued event) {
		if (event.demand().kind() != DemandKind.MEETING || this.meetings.find(event.demandId()).isEmpty()) {
			return;
		}
		this.meetings.issued(event.demandId(), event.gateNumber(), event.issuedAt(),
				event.demand().recipientUnitCodes());
	}

	@ApplicationModuleListener
	void on(DemandWithdrawn event) {
		this.meetings.cancelled(event.demandId());
	}

	private DemandDraft draft(Viewer viewer, Meeting meeting, MeetingRequest request) {
		BigDecimal hoursPerDay = hoursPerDay(viewer);
		return new DemandDraft(DemandKind.MEETING, meeting.title(), body(request, meeting), meeting.field(),
				blankToNull(request.legalBasis()), request.recipientUnitCodes(), null, null,
				meeting.start().toLocalDate(), null, null, meeting.parentDemandId(), false, false,
				meeting.parentDemandId() != null, meeting.requiresRelay(), null, meeting.details(hoursPerDay));
	}

	private BigDecimal hoursPerDay(Viewer viewer) {
		Unit unit = this.orgChart.require(viewer.scope(), viewer.unitCode());
		return this.rulebook.forUnit(unit).decimal("burden.hours-per-day");
	}

	/** The notice recipients read: the issuer's text, then time, venue and agenda. */
	static String body(MeetingRequest request, Meeting m) {
		StringBuilder body = new StringBuilder();
		if (request.body() != null && !request.body().isBlank()) {
			body.append(request.body().strip()).append("\n\n");
		}
		body.append("时间：")
			.append(m.start().toString().replace('T', ' '))
			.append(" 至 ")
			.append(m.end().toString().replace('T', ' '))
			.append('\n');
		if (m.venue() != null) {
			body.append("地点：").append(m.venue()).append('\n');
		}
		body.append("参会：每单位主要负责同志 ")
			.append(m.principals())
			.append(" 人、分管负责同志 ")
			.append(m.deputies())
			.append(" 人、工作人员 ")
			.append(m.staff())
			.append(" 人\n议程：\n");
		int n = 1;
		for (Meeting.Item item : m.agenda()) {
			body.append(n++).append(". ").append(item.topic());
			if (item.speaker() != null) {
				body.append("（").append(item.speaker()).append("，").append(item.minutes()).append(" 分钟）");
			}
			else {
				body.append("（").append(item.minutes()).append(" 分钟）");
			}
			body.append('\n');
		}
		return body.toString().strip();
	}

	/**
	 * Every bad value at once, each naming its field; a clean request becomes the meeting
	 * record (without its id).
	 */
	Meeting validate(Viewer viewer, long id, MeetingRequest r) {
		List<MeetingInvalid.FieldError> errors = new ArrayList<>();
		String title = text(errors, "title", r.title(), 200, true);
		text(errors, "body", r.body(), 20000, false);
		if (r.mode() == null) {
			errors.add(new MeetingInvalid.FieldError("mode", "meeting.mode.required"));
		}
		String field = text(errors, "field", r.field(), 40, true);
		if (r.convener() == null) {
			errors.add(new MeetingInvalid.FieldError("convener", "meeting.convener.required"));
		}
		if (r.start() == null) {
			errors.add(new MeetingInvalid.FieldError("start", "meeting.start.required"));
		}
		if (r.end() == null) {
			errors.add(new MeetingInvalid.FieldError("end", "meeting.end.required"));
		}
		else if (r.start() != null && !r.end().isAfter(r.start())) {
			errors.add(new MeetingInvalid.FieldError("end", "meeting.end.before-start"));
		}
		else if (r.start() != null && Duration.between(r.start(), r.end()).toDays() > 14) {
			errors.add(new MeetingInvalid.FieldError("end", "meeting.end.too-long", 14));
		}
		int discussion = r.discussionMinutes() == null ? 0 : r.discussionMinutes();
		if (discussion < 0 || discussion > 14 * 24 * 60) {
			errors.add(new MeetingInvalid.FieldError("discussionMinutes", "meeting.discussion.range"));
		}
		else if (r.start() != null && r.end() != null && r.end().isAfter(r.start())
				&& discussion > Duration.between(r.start(), r.end()).toMinutes()) {
			errors.add(new MeetingInvalid.FieldError("discussionMinutes", "meeting.discussion.longer-than-meeting"));
		}
		int principals = count(errors, "principals", r.principals());
		int deputies = count(errors, "deputies", r.deputies());
		int staff = count(errors, "staff", r.staff());
		if (principals + deputies + staff == 0 && r.principals() != null && r.deputies() != null && r.staff() != null) {
			errors.add(new MeetingInvalid.FieldError("staff", "meeting.attendance.none"));
		}
		String venue = text(errors, "venue", r.venue(), 200, r.mode() != null && r.mode() != MeetingMode.VIDEO);
		String parentTitle = text(errors, "parentTitle", r.parentTitle(), 200, false);
		text(errors, "legalBasis", r.legalBasis(), 1000, false);
		List<Meeting.Item> agenda = new ArrayList<>();
		List<MeetingRequest.AgendaItem> items = r.agenda() == null ? List.of() : r.agenda();
		if (items.size() > MAX_AGENDA) {
			errors.add(new MeetingInvalid.FieldError("agenda", "meeting.agenda.too-many", MAX_AGENDA));
		}
		for (int i = 0; i < items.size() && i < MAX_AGENDA; i++) {
			MeetingRequest.AgendaItem item = items.get(i);
			String prefix = "agenda[" + i + "].";
			String topic = text(errors, prefix + "topic", item.topic(), 150, true);
			String speaker = text(errors, prefix + "speaker", item.speaker(), 100, false);
			if (item.minutes() == null || item.minutes() < 1 || item.minutes() > 1440) {
				errors.add(new MeetingInvalid.FieldError(prefix + "minutes", "meeting.agenda.minutes", i + 1));
			}
			else if (topic != null) {
				agenda.add(new Meeting.Item(topic, speaker, item.minutes(), Boolean.TRUE.equals(item.mainSpeech())));
			}
		}
		if (items.isEmpty()) {
			errors.add(new MeetingInvalid.FieldError("agenda", "meeting.agenda.empty"));
		}
		if (r.recipientUnitCodes() == null || r.recipientUnitCodes().isEmpty()) {
			errors.add(new MeetingInvalid.FieldError("recipientUnitCodes", "meeting.recipients.empty"));
		}
		if (r.planEntryId() != null) {
			Optional<MeetingPlan.Entry> entry = this.plan.find(viewer.unitCode(), r.planEntryId());
			if (entry.isEmpty()) {
				errors.add(new MeetingInvalid.FieldError("planEntryId", "meeting.plan-entry.unknown", r.planEntryId()));
			}
			else if (r.start() != null && entry.get().year() != r.start().getYear()) {
				errors.add(new MeetingInvalid.FieldError("planEntryId", "meeting.plan-entry.year", entry.get().year(),
						r.start().getYear()));
			}
		}
		if (!errors.isEmpty()) {
			throw new MeetingInvalid(errors);
		}
		return new Meeting(id, viewer.unitCode(), title, r.mode(), field, Boolean.TRUE.equals(r.comprehensive()),
				r.planEntryId(), r.start().withSecond(0).withNano(0), r.end().withSecond(0).withNano(0), discussion,
				principals, deputies, staff, venue, r.parentDemandId(), parentTitle,
				Boolean.TRUE.equals(r.requiresRelay()), r.convener(), null, null, false, agenda);
	}

	static @Nullable String text(List<MeetingInvalid.FieldError> errors, String field, @Nullable String value, int max,
			boolean required) {
		String stripped = value == null ? null : value.strip();
		if (stripped == null || stripped.isEmpty()) {
			if (required) {
				errors.add(new MeetingInvalid.FieldError(field, "meeting.required", field));
			}
			return null;
		}
		if (stripped.codePointCount(0, stripped.length()) > max) {
			errors.add(new MeetingInvalid.FieldError(field, "meeting.too-long", field, max));
			return null;
		}
		return stripped;
	}

	private static int count(List<MeetingInvalid.FieldError> errors, String field, @Nullable Integer value) {
		if (value == null) {
			errors.add(new MeetingInvalid.FieldError(field, "meeting.required", field));
			return 0;
		}
		if (value < 0 || value > MAX_PER_ROLE) {
			errors.add(new MeetingInvalid.FieldError(field, "meeting.attendance.range", field, MAX_PER_ROLE));
			return 0;
		}
		return value;
	}

	/** A refusal from the gate, attached to the meeting form's field it concerns. */
	private static Problem gateProblem(Problem problem) {
		if (problem.status() != HttpStatus.BAD_REQUEST && !"demand.not-found".equals(problem.code())) {
			return problem;
		}
		String field = switch (problem.code()) {
			case "demand.not-found" -> "parentDemandId";
			case "demand.title" -> "title";
			case "demand.body" -> "body";
			case "demand.due-date" -> "start";
			default -> problem.code().startsWith("demand.recipient") ? "recipientUnitCodes" : "recipientUnitCodes";
		};
		return new MeetingInvalid(List.of(new MeetingInvalid.FieldError(field, problem.code(), problem.args())));
	}

	private static Meeting withId(Meeting m, long id) {
		return new Meeting(id, m.issuerUnitCode(), m.title(), m.mode(), m.field(), m.comprehensive(), m.planEntryId(),
				m.start(), m.end(), m.discussionMinutes(), m.principals(), m.deputies(), m.staff(), m.venue(),
				m.parentDemandId(), m.parentTitle(), m.requiresRelay(), m.convener(), null, null, false, m.agenda());
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private void record(Viewer viewer, String type, long id, String detail) {
		this.audit.record(new AuditEvent(viewer.username(), type, AuditResult.SUCCESS, "demand:" + id, detail));
	}

	static LocalDateTime now(Clock clock) {
		return LocalDateTime.ofInstant(clock.instant(), CHINA);
	}

	static Map<String, String> none() {
		return Map.of();
	}

}
