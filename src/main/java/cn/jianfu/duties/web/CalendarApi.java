package cn.jianfu.duties.web;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jianfu.duties.internal.ImportErrors;
import cn.jianfu.duties.internal.OfficialCalendar;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Bilingual;

/**
 * The official working-day calendar: deadlines in working days, and the administrator's
 * import of later years.
 */
@RestController
class CalendarApi {

	private final OfficialCalendar calendar;

	private final Bilingual messages;

	CalendarApi(OfficialCalendar calendar, Bilingual messages) {
		this.calendar = calendar;
		this.messages = messages;
	}

	/**
	 * The day {@code days} working days after {@code from} ({@code from} itself not
	 * counted).
	 */
	@GetMapping("/api/v1/calendar/working-days")
	Map<String, String> workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam int days) {
		return Map.of("due", this.calendar.plusWorkingDays(from, days).toString());
	}

	/**
	 * Imports holidays and adjusted working days (tab-separated: date, holiday|workday,
	 * name), all or nothing; administrators only.
	 */
	@PostMapping(path = "/api/v1/admin/calendar", consumes = { "text/tab-separated-values", "text/plain" })
	Map<String, Integer> importDays(@AuthenticationPrincipal Viewer.Signed signed, @RequestBody String body) {
		return Map.of("imported", this.calendar.importDays(signed.viewer(), body));
	}

	@ExceptionHandler(ImportErrors.class)
	ResponseEntity<ProblemDetail> importErrors(ImportErrors ex) {
		return ResponseEntity.badRequest().body(DutiesApi.problem(this.messages, "calendar.import.invalid", ex));
	}

}
