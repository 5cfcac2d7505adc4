package cn.jianfu.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;
import cn.jianfu.meetings.internal.Convener;
import cn.jianfu.meetings.internal.MeetingDesk;
import cn.jianfu.meetings.internal.MeetingInvalid;
import cn.jianfu.meetings.internal.MeetingMode;
import cn.jianfu.meetings.internal.MeetingRequest;
import cn.jianfu.org.Viewer;

/**
 * The meeting form and API on bad input (every error named, in both languages, nothing
 * written), editing, and the plan's rules.
 */
@DatabaseTest
@AutoConfigureMockMvc
class MeetingFormTests {

	static final String PASSWORD = "jianfu-demo";

	static final String BACHUAN = "500151001000";

	static final String KAIZHOU_TOWNSHIP = "500154000000";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeetingDesk desk;

	@Autowired
	UserDetailsService accounts;

	static final LocalDate DAY = MeetingFlowTests.meetingDay().plusWeeks(2);

	static String form(String start, String end) {
		return "title=表单测试会议&mode=VIDEO&field=表单测试&start=" + start + "&end=" + end
				+ "&principals=0&deputies=1&staff=0&convener=PRINCIPAL&agenda[0].topic=部署&agenda[0].minutes=30"
				+ "&recipientUnitCodes=" + BACHUAN;
	}

	long rows(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(this.accounts.loadUserByUsername(username));
	}

	Viewer viewer(String username) {
		return ((Viewer.Signed) this.accounts.loadUserByUsername(username)).viewer();
	}

	@Test
	void aFormWithBadValuesNamesEachFieldAndWritesNothing() throws Exception {
		long demands = rows("demand");
		long meetings = rows("meeting");
		String page = this.mvc
			.perform(post("/meetings").with(as("issuer"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("title=&mode=VIDEO&field=x&start=" + DAY + "T10:00&end=" + DAY
						+ "T09:00&principals=abc&deputies=1&staff=0&convener=PRINCIPAL&agenda[0].topic=部署"
						+ "&agenda[0].minutes=0&recipientUnitCodes=" + BACHUAN))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the number that cannot be read is reported first; the rest after it is fixed
		assertThat(page).contains("“principals”须为整数");
		page = this.mvc
			.perform(post("/meetings").with(as("issuer"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("title=&mode=VIDEO&field=x&start=" + DAY + "T10:00&end=" + DAY
						+ "T09:00&principals=0&deputies=1&staff=0&convener=PRINCIPAL&agenda[0].topic=部署"
						+ "&agenda[0].minutes=0&recipientUnitCodes=" + BACHUAN))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("请填写“title”（必填）", "结束时间（end）须晚于开始时间（start）", "第 1 项议程的时长（minutes）须为 1 至 1440 分钟",
				"href=\"#title\"", "href=\"#end\"");
		assertThat(rows("demand")).isEqualTo(demands);
		assertThat(rows("meeting")).isEqualTo(meetings);
	}

	@Test
	void theApiAnswersTheFirstBadFieldInBothLanguagesAndWritesNothing() throws Exception {
		long demands = rows("demand");
		this.mvc
			.perform(post("/api/v1/meetings").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"title":"接口测试","mode":"VIDEO","field":"接口测试","start":"%sT10:00","end":"%sT09:00",
						 "principals":0,"deputies":1,"staff":0,"convener":"PRINCIPAL",
						 "agenda":[{"topic":"部署","minutes":30}],"recipientUnitCodes":["%s"]}
						""".formatted(DAY, DAY, BACHUAN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("meeting.end.before-start"))
			.andExpect(jsonPath("$.message_zh").value("结束时间（end）须晚于开始时间（start）"))
			.andExpect(jsonPath("$.message_en").value("The end (end) must be after the start (start)"));
		assertThat(rows("demand")).isEqualTo(demands);
	}

	@Test
	void recipientsOutsideTheIssuersJurisdictionAreRefusedByTheGateAndNothingIsWritten() {
		long demands = rows("demand");
		long meetings = rows("meeting");
		LocalDateTime start = DAY.atTime(9, 0);
		assertThatThrownBy(() -> this.desk.create(viewer("issuer"),
				new MeetingRequest("越界会议", null, MeetingMode.VIDEO, "越界", false, null,
						List.of(new MeetingRequest.AgendaItem("部署", null, 30, false)), start, start.plusHours(1), 0, 0,
						1, 0, null, null, null, false, Convener.PRINCIPAL, List.of(KAIZHOU_TOWNSHIP), null)))
			.isInstanceOfSatisfying(MeetingInvalid.class,
					invalid -> assertThat(invalid.errors()).extracting(MeetingInvalid.FieldError::field)
						.containsExactly("recipientUnitCodes"));
		assertThat(rows("demand")).isEqualTo(demands);
		assertThat(rows("meeting")).isEqualTo(meetings);
	}

	@Test
	void aSavedFormGoesToTheGatesPageAndEditingReplacesTheAgendaAndDetails() throws Exception {
		this.mvc
			.perform(post("/meetings").with(as("issuer"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content(form(DAY + "T09:00", DAY + "T10:00")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/demands/*"));
		long id = this.jdbc.sql("select max(demand_id) from meeting where title = '表单测试会议'").query(Long.class).single();
		this.mvc.perform(get("/meetings/" + id + "/edit").with(as("issuer")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"部署\"")));
		this.mvc
			.perform(post("/meetings/" + id + "/edit").with(as("issuer"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content(form(DAY + "T09:00", DAY + "T14:30").replace("agenda[0].minutes=30",
						"agenda[0].minutes=30&agenda[1].topic=讨论&agenda[1].minutes=90&agenda[1].mainSpeech=true")))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("issuer", PASSWORD)))
			.andExpect(jsonPath("$.details['meeting.minutes']").value("330"))
			.andExpect(jsonPath("$.details['meeting.main-speech-minutes']").value("90"))
			.andExpect(jsonPath("$.body").value(org.hamcrest.Matchers.containsString("2. 讨论（90 分钟）")));
		this.mvc.perform(get("/api/v1/meetings/" + id).with(httpBasic("issuer", PASSWORD)))
			.andExpect(jsonPath("$.meeting.agenda.length()").value(2))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		// another county's issuer can neither see nor edit it
		this.mvc.perform(get("/api/v1/meetings/" + id).with(httpBasic("kaizhou.issuer", PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPlanEntryOfAnotherUnitOrYearCannotBeLinkedAndOneInUseCannotBeDeleted() throws Exception {
		String other = this.mvc
			.perform(post("/api/v1/meetings/plan").with(httpBasic("kaizhou.issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":%d,\"month\":3,\"field\":\"开州\",\"title\":\"开州会议\",\"mode\":\"VIDEO\"}"
					.formatted(DAY.getYear())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long otherEntry = ((Number) JsonPath.read(other, "$.id")).longValue();
		String json = """
				{"title":"计划测试","mode":"VIDEO","field":"计划测试","planEntryId":%d,"start":"%sT09:00","end":"%sT10:00",
				 "principals":0,"deputies":1,"staff":0,"convener":"PRINCIPAL",
				 "agenda":[{"topic":"部署","minutes":30}],"recipientUnitCodes":["%s"]}
				""";
		this.mvc
			.perform(post("/api/v1/meetings").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.formatted(otherEntry, DAY, DAY, BACHUAN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("meeting.plan-entry.unknown"));
		String mine = this.mvc
			.perform(post("/api/v1/meetings/plan").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":%d,\"month\":3,\"field\":\"计划测试\",\"title\":\"计划测试会\",\"mode\":\"BOTH\"}"
					.formatted(DAY.getYear() + 1)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long mineNextYear = ((Number) JsonPath.read(mine, "$.id")).longValue();
		this.mvc
			.perform(post("/api/v1/meetings").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.formatted(mineNextYear, DAY, DAY, BACHUAN)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("meeting.plan-entry.year"));
		this.mvc
			.perform(post("/api/v1/meetings").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.formatted(mineNextYear, DAY.plusYears(1), DAY.plusYears(1), BACHUAN)))
			.andExpect(status().isCreated());
		this.mvc.perform(delete("/api/v1/meetings/plan/" + mineNextYear).with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("meeting.plan.in-use"));
		this.mvc.perform(delete("/api/v1/meetings/plan/" + otherEntry).with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/meetings/plan").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":%d,\"month\":13,\"field\":\"\",\"title\":\"x\",\"mode\":\"VIDEO\"}"
					.formatted(DAY.getYear())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("meeting.plan.month"));
		this.mvc
			.perform(post("/api/v1/meetings/plan").with(httpBasic("village", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":%d,\"month\":3,\"field\":\"x\",\"title\":\"x\",\"mode\":\"VIDEO\"}"
					.formatted(DAY.getYear())))
			.andExpect(status().isForbidden());
	}

	@Test
	void meetingsThatOnlyTouchDoNotClash() {
		LocalDateTime ten = DAY.atTime(10, 0);
		assertThat(cn.jianfu.meetings.internal.MeetingCalendarAccess.overlap(ten, ten.plusHours(1), ten.plusHours(1),
				ten.plusHours(2)))
			.isFalse();
		assertThat(cn.jianfu.meetings.internal.MeetingCalendarAccess.overlap(ten, ten.plusMinutes(61), ten.plusHours(1),
				ten.plusHours(2)))
			.isTrue();
		assertThat(cn.jianfu.meetings.internal.MeetingCalendarAccess.overlap(ten, ten.plusHours(3), ten.plusHours(1),
				ten.plusHours(2)))
			.isTrue();
	}

	@Test
	void aCalendarRangeOverFourHundredDaysIsRefused() throws Exception {
		this.mvc
			.perform(get("/api/v1/meetings/calendar").param("from", "2026-01-01")
				.param("to", "2027-03-01")
				.with(httpBasic("township", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("meeting.calendar.range"));
		this.mvc
			.perform(put("/api/v1/meetings/999999999/attendance").with(httpBasic("township", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"attendees\":[]}"))
			.andExpect(status().isNotFound());
	}

}
