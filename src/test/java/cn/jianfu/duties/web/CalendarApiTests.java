package cn.jianfu.duties.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;

/**
 * {@code GET /api/v1/calendar/working-days} on the bundled calendar (the 2025 National
 * Day holiday and its adjusted working days), and the administrator's import of a later
 * year, all or nothing.
 */
@DatabaseTest
@AutoConfigureMockMvc
class CalendarApiTests {

	static final String PASSWORD = "jianfu-demo";

	@Autowired
	MockMvc mvc;

	@Test
	void countsWorkingDaysAcrossTheNationalDayHoliday() throws Exception {
		due("2025-09-26", 1, "2025-09-28");
		due("2025-09-30", 1, "2025-10-09");
		due("2025-09-30", 3, "2025-10-11");
		due("2025-09-30", 4, "2025-10-13");
		due("2025-10-01", 0, "2025-10-01");
		due("2025-09-30", 15, "2025-10-28");
	}

	@Test
	void refusesNegativeDaysAndBadDatesInBothLanguages() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/working-days?from=2025-09-30&days=-1").with(httpBasic("village", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("calendar.days"))
			.andExpect(jsonPath("$.message_en").exists());
		this.mvc
			.perform(get("/api/v1/calendar/working-days?from=2025-13-01&days=1").with(httpBasic("village", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message_zh").exists());
	}

	@Test
	void anAdministratorImportsALaterYearAllOrNothing() throws Exception {
		due("2031-12-31", 1, "2032-01-01");
		this.mvc
			.perform(post("/api/v1/admin/calendar").with(httpBasic("admin", PASSWORD))
				.contentType("text/tab-separated-values")
				.content("date\tkind\tname\n2032-01-01\tholiday\t元旦\n2032-02-30\tholiday\t错\n2032-01-03\tweekday\t错\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("calendar.import.invalid"))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("A"))
			.andExpect(jsonPath("$.errors[1].row").value(4))
			.andExpect(jsonPath("$.errors[1].column").value("B"));
		due("2031-12-31", 1, "2032-01-01");
		this.mvc
			.perform(post("/api/v1/admin/calendar").with(httpBasic("gatekeeper", PASSWORD))
				.contentType("text/tab-separated-values")
				.content("2032-01-01\tholiday\t元旦\n"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/admin/calendar").with(httpBasic("admin", PASSWORD))
				.contentType("text/tab-separated-values")
				.content("# 2032\n2032-01-01\tholiday\t元旦\n2032-01-03\tworkday\t调休\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(2));
		due("2031-12-31", 1, "2032-01-02");
		due("2032-01-02", 1, "2032-01-03");
	}

	private void due(String from, int days, String expected) throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/working-days?from=" + from + "&days=" + days)
				.with(httpBasic("village", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.due").value(expected));
	}

}
