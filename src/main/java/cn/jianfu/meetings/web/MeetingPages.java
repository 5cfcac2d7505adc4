package cn.jianfu.meetings.web;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.meetings.internal.AttendeeRole;
import cn.jianfu.meetings.internal.Convener;
import cn.jianfu.meetings.internal.MeetingCalendar;
import cn.jianfu.meetings.internal.MeetingDesk;
import cn.jianfu.meetings.internal.MeetingInvalid;
import cn.jianfu.meetings.internal.MeetingMode;
import cn.jianfu.meetings.internal.MeetingPlan;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * 会议: the meeting form (new and edit; it places the demand at the gate and sends the
 * issuer to the demand's page), a meeting's page with attendance, the annual meeting plan
 * and the township's calendar in week and month views with its iCalendar download.
 */
@Controller
class MeetingPages {

	private final MeetingDesk desk;

	private final MeetingPlan plan;

	private final MeetingCalendar calendar;

	private final OrgChart orgChart;

	MeetingPages(MeetingDesk desk, MeetingPlan plan, MeetingCalendar calendar, OrgChart orgChart) {
		this.desk = desk;
		this.plan = plan;
		this.calendar = calendar;
		this.orgChart = orgChart;
	}

	@InitBinder("meetingForm")
	void initBinder(WebDataBinder binder) {
		binder.setAutoGrowCollectionLimit(60);
	}

	@GetMapping("/meetings")
	String list(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		model.addAttribute("meetings", this.desk.mine(signed.viewer()));
		return "meetings/list";
	}

	@GetMapping("/meetings/new")
	String initCreationForm(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		requireIssuer(signed.viewer());
		return form(signed.viewer(), new MeetingForm(), null, model);
	}

	@PostMapping("/meetings")
	String processCreationForm(@AuthenticationPrincipal Viewer.Signed signed, @ModelAttribute MeetingForm meetingForm,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		requireIssuer(signed.viewer());
		try {
			long id = this.desk.create(signed.viewer(), meetingForm.request());
			redirect.addFlashAttribute("flash", "meeting.created-flash");
			return "redirect:/demands/" + id;
		}
		catch (MeetingInvalid invalid) {
			reject(result, invalid);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		meetingForm.padAgenda();
		return form(signed.viewer(), meetingForm, null, model);
	}

	@GetMapping("/meetings/{id}/edit")
	String initUpdateForm(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id, Model model) {
		MeetingDesk.View view = this.desk.view(signed.viewer(), id);
		requireEditable(signed.viewer(), view);
		return form(signed.viewer(), MeetingForm.of(view), id, model);
	}

	@PostMapping("/meetings/{id}/edit")
	String processUpdateForm(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@ModelAttribute MeetingForm meetingForm, BindingResult result, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		MeetingDesk.View view = this.desk.view(signed.viewer(), id);
		requireEditable(signed.viewer(), view);
		try {
			this.desk.edit(signed.viewer(), id, meetingForm.getVersion(), meetingForm.request());
			redirect.addFlashAttribute("flash", "meeting.saved-flash");
			return "redirect:/demands/" + id;
		}
		catch (MeetingInvalid invalid) {
			reject(result, invalid);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		meetingForm.padAgenda();
		return form(signed.viewer(), meetingForm, id, model);
	}

	@GetMapping("/meetings/{id}")
	String show(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id, Model model) {
		MeetingDesk.View view = this.desk.view(signed.viewer(), id);
		model.addAttribute("view", view);
		model.addAttribute("m", view.meeting());
		model.addAttribute("attendance", this.desk.attendance(signed.viewer(), id));
		model.addAttribute("mayRecord",
				view.meeting().issuedAt() != null && view.recipientUnitCodes().contains(signed.viewer().unitCode()));
		model.addAttribute("mayEdit", editable(signed.viewer(), view));
		model.addAttribute("roles", AttendeeRole.values());
		return "meetings/meeting";
	}

	@PostMapping("/meetings/{id}/attendance")
	String attendance(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(name = "name", required = false) @Nullable List<String> names,
			@RequestParam(name = "role", required = false) @Nullable List<String> roles, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		List<MeetingDesk.Attendance> attendees = new ArrayList<>();
		List<String> n = names == null ? List.of() : names;
		List<String> r = roles == null ? List.of() : roles;
		for (int i = 0; i < n.size(); i++) {
			if (n.get(i) == null || n.get(i).isBlank()) {
				continue;
			}
			attendees.add(new MeetingDesk.Attendance(n.get(i), AttendeeRole.parse(i < r.size() ? r.get(i) : null)));
		}
		try {
			this.desk.recordAttendance(signed.viewer(), id, attendees);
			redirect.addFlashAttribute("flash", "meeting.attendance.flash");
			return "redirect:/meetings/" + id;
		}
		catch (MeetingInvalid invalid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("attendanceError", invalid.messageKey());
			model.addAttribute("attendanceErrorArgs", invalid.args());
			return show(signed, id, model);
		}
	}

	@GetMapping("/meetings/plan")
	String planPage(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		int y = year == null ? this.calendar.today().getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("entries", this.plan.entries(signed.viewer(), y));
		model.addAttribute("modes", MeetingMode.values());
		model.addAttribute("mayPlan", signed.viewer().has(Role.ISSUER) || signed.viewer().has(Role.GATEKEEPER));
		if (!model.containsAttribute("planForm")) {
			model.addAttribute("planForm", new PlanForm(y));
		}
		return "meetings/plan";
	}

	@PostMapping("/meetings/plan")
	String addPlanEntry(@AuthenticationPrincipal Viewer.Signed signed, @ModelAttribute PlanForm planForm,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.plan.add(signed.viewer(), planForm.entry());
			redirect.addFlashAttribute("flash", "meeting.plan.added-flash");
			return "redirect:/meetings/plan?year=" + planForm.getYear();
		}
		catch (MeetingInvalid invalid) {
			reject(result, invalid);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		Integer year = null;
		try {
			year = Integer.valueOf(planForm.getYear().strip());
		}
		catch (NumberFormatException ex) {
			// the summary names the field
		}
		return planPage(signed, year, model);
	}

	@PostMapping("/meetings/plan/{id}/delete")
	String deletePlanEntry(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			RedirectAttributes redirect) {
		this.plan.delete(signed.viewer(), id);
		redirect.addFlashAttribute("flash", "meeting.plan.deleted-flash");
		return "redirect:/meetings/plan";
	}

	@GetMapping("/meetings/calendar")
	String calendarPage(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(defaultValue = "week") String view,
			@RequestParam(required = false) @Nullable String date, Model model) {
		LocalDate day = this.calendar.today();
		if (date != null && !date.isBlank()) {
			try {
				day = LocalDate.parse(date.strip());
			}
			catch (DateTimeParseException ex) {
				throw Problem.badRequest("meeting.time", "date");
			}
		}
		boolean month = "month".equals(view);
		LocalDate from;
		LocalDate to;
		if (month) {
			YearMonth ym = YearMonth.from(day);
			from = ym.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			to = ym.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		}
		else {
			from = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			to = from.plusDays(6);
		}
		List<MeetingCalendar.Entry> entries = this.calendar.entries(signed.viewer(), from, to);
		Map<LocalDate, List<MeetingCalendar.Entry>> days = new LinkedHashMap<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			LocalDate current = d;
			days.put(d,
					entries.stream()
						.filter(e -> !e.meeting().start().toLocalDate().isAfter(current)
								&& !e.meeting().end().toLocalDate().isBefore(current))
						.toList());
		}
		model.addAttribute("view", month ? "month" : "week");
		model.addAttribute("day", day);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("today", this.calendar.today());
		model.addAttribute("days", days);
		model.addAttribute("entries", entries);
		model.addAttribute("clashes", entries.stream().filter(MeetingCalendar.Entry::clashes).count());
		model.addAttribute("previous", month ? day.minusMonths(1) : day.minusWeeks(1));
		model.addAttribute("next", month ? day.plusMonths(1) : day.plusWeeks(1));
		model.addAttribute("month", YearMonth.from(day));
		return "meetings/calendar";
	}

	@GetMapping("/meetings/calendar.ics")
	ResponseEntity<byte[]> ics(@AuthenticationPrincipal Viewer.Signed signed, HttpServletRequest request) {
		return icsResponse(this.calendar.ics(signed.viewer(), request.getServerName()));
	}

	static ResponseEntity<byte[]> icsResponse(String text) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("meetings.ics").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(text.getBytes(StandardCharsets.UTF_8));
	}

	private String form(Viewer viewer, MeetingForm form, @Nullable Long id, Model model) {
		model.addAttribute("meetingForm", form);
		model.addAttribute("meetingId", id);
		model.addAttribute("modes", MeetingMode.values());
		model.addAttribute("conveners", Convener.values());
		int year = this.calendar.today().getYear();
		List<MeetingPlan.Entry> entries = new ArrayList<>(this.plan.entries(viewer, year));
		entries.addAll(this.plan.entries(viewer, year + 1));
		model.addAttribute("planEntries", entries);
		List<Unit> units = this.orgChart.children(viewer.scope(), viewer.unitCode(), new Page.Request(0, Page.MAX_SIZE))
			.items();
		model.addAttribute("units", units);
		return "meetings/form";
	}

	private static void reject(BindingResult result, MeetingInvalid invalid) {
		for (MeetingInvalid.FieldError error : invalid.errors()) {
			String field = error.field();
			try {
				result.rejectValue(field, "problem." + error.code(), error.args(), error.code());
			}
			catch (RuntimeException ex) {
				result.reject("problem." + error.code(), error.args(), error.code());
			}
		}
	}

	private static void requireIssuer(Viewer viewer) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "demand.not-issuer");
		}
	}

	private static boolean editable(Viewer viewer, MeetingDesk.View view) {
		return viewer.has(Role.ISSUER) && viewer.unitCode().equals(view.meeting().issuerUnitCode())
				&& ("DRAFT".equals(view.status()) || "RETURNED".equals(view.status()));
	}

	private static void requireEditable(Viewer viewer, MeetingDesk.View view) {
		if (!editable(viewer, view)) {
			throw new Problem(HttpStatus.FORBIDDEN, "demand.not-issuer");
		}
	}

}
