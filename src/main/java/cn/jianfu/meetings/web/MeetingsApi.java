package cn.jianfu.meetings.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.meetings.internal.Meeting;
import cn.jianfu.meetings.internal.MeetingCalendar;
import cn.jianfu.meetings.internal.MeetingDesk;
import cn.jianfu.meetings.internal.MeetingPlan;
import cn.jianfu.meetings.internal.MeetingRequest;
import cn.jianfu.meetings.internal.Meetings;
import cn.jianfu.org.Viewer;

/**
 * Meetings through the API: create and edit a meeting demand (then submit it at
 * {@code /api/v1/demands/{id}/submit}), the annual meeting plan, the calendar of the
 * caller's unit as JSON or iCalendar, and attendance.
 */
@RestController
@RequestMapping("/api/v1/meetings")
@Tag(name = "meetings", description = "会议：计划、准入、日历、参会 / Meetings: plan, gate, calendar, attendance")
class MeetingsApi {

	private final MeetingDesk desk;

	private final MeetingPlan plan;

	private final MeetingCalendar calendar;

	MeetingsApi(MeetingDesk desk, MeetingPlan plan, MeetingCalendar calendar) {
		this.desk = desk;
		this.plan = plan;
		this.calendar = calendar;
	}

	/** A meeting with where its demand stands at the gate. */
	record MeetingView(long id, String status, int version, @Nullable String gateNumber, Meeting meeting,
			List<String> recipientUnitCodes, String demand) {

		static MeetingView of(MeetingDesk.View view) {
			return new MeetingView(view.meeting().demandId(), view.status(), view.version(), view.gateNumber(),
					view.meeting(), view.recipientUnitCodes(), "/api/v1/demands/" + view.meeting().demandId());
		}

	}

	/** The new meeting demand's id and where to submit it. */
	record Created(long id, String demand, String submit) {
	}

	/** A calendar entry: the meeting and the meetings it clashes with. */
	record CalendarEntry(Meeting meeting, boolean clashes, Set<Long> clashesWith) {
	}

	/** Who attended for the caller's unit. */
	record AttendanceRequest(@Nullable List<MeetingDesk.Attendance> attendees) {
	}

	@PostMapping
	@Operation(summary = "新建会议事项草稿（之后在 /api/v1/demands/{id}/submit 提交准入）"
			+ " / Create a meeting demand draft (then submit it at /api/v1/demands/{id}/submit)")
	ResponseEntity<Created> create(@AuthenticationPrincipal Viewer.Signed signed, @RequestBody MeetingRequest request) {
		long id = this.desk.create(signed.viewer(), request);
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + id))
			.body(new Created(id, "/api/v1/demands/" + id, "/api/v1/demands/" + id + "/submit"));
	}

	@GetMapping
	@Operation(summary = "本单位召集的会议 / Meetings the caller's unit convenes")
	List<Meeting> mine(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.desk.mine(signed.viewer());
	}

	@GetMapping("/{id}")
	@Operation(summary = "会议详情与准入状态 / A meeting and its gate status")
	MeetingView get(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id) {
		return MeetingView.of(this.desk.view(signed.viewer(), id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改草稿或被退回的会议（version 为读取时的版本）/ Edit a draft or returned meeting (version as read)")
	MeetingView edit(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer version, @RequestBody MeetingRequest request) {
		this.desk.edit(signed.viewer(), id, version, request);
		return get(signed, id);
	}

	@GetMapping("/{id}/attendance")
	@Operation(summary = "实际参会人员（召集方看全部，参会单位看本单位）/ Who attended (all units for the issuer, own unit for a recipient)")
	List<Meetings.Attendee> attendance(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id) {
		return this.desk.attendance(signed.viewer(), id);
	}

	@PutMapping("/{id}/attendance")
	@Operation(
			summary = "记录本单位实际参会人员（姓名和身份，不要照片）/ Record who attended for the caller's unit (names and roles, never photos)")
	List<Meetings.Attendee> recordAttendance(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody AttendanceRequest request) {
		this.desk.recordAttendance(signed.viewer(), id, request.attendees() == null ? List.of() : request.attendees());
		return this.desk.attendance(signed.viewer(), id);
	}

	@GetMapping("/plan")
	@Operation(summary = "本单位年度会议计划 / The caller's unit's annual meeting plan")
	List<MeetingPlan.Entry> plan(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer year) {
		return this.plan.entries(signed.viewer(), year == null ? this.calendar.today().getYear() : year);
	}

	@PostMapping("/plan")
	@Operation(summary = "加入年度会议计划（发起单位、减负办）/ Add a planned meeting (issuers and gatekeepers)")
	ResponseEntity<MeetingPlan.Entry> addToPlan(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestBody MeetingPlan.NewEntry entry) {
		long id = this.plan.add(signed.viewer(), entry);
		MeetingPlan.Entry added = this.plan.find(signed.viewer().unitCode(), id).orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/meetings/plan/" + id)).body(added);
	}

	@DeleteMapping("/plan/{id}")
	@Operation(summary = "从年度会议计划删除（未被会议引用时）/ Delete a planned meeting (unless a meeting uses it)")
	ResponseEntity<Void> deleteFromPlan(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id) {
		this.plan.delete(signed.viewer(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/calendar")
	@Operation(
			summary = "本单位的会议日历，含时间冲突（默认今天起 31 天）/ The caller's unit's meetings with clashes (default: 31 days from today)")
	List<CalendarEntry> calendar(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		LocalDate start = from == null ? this.calendar.today() : from;
		LocalDate end = to == null ? start.plusDays(31) : to;
		return this.calendar.entries(signed.viewer(), start, end)
			.stream()
			.map(e -> new CalendarEntry(e.meeting(), e.clashes(), e.clashesWith()))
			.toList();
	}

	@GetMapping(path = "/calendar.ics", produces = "text/calendar")
	@Operation(
			summary = "本单位今后一年的会议（iCalendar，RFC 5545）/ The caller's unit's meetings of the coming year (iCalendar, RFC 5545)")
	ResponseEntity<byte[]> ics(@AuthenticationPrincipal Viewer.Signed signed, HttpServletRequest request) {
		return MeetingPages.icsResponse(this.calendar.ics(signed.viewer(), request.getServerName()));
	}

}
