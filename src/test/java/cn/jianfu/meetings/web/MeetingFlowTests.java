package cn.jianfu.meetings.web;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;

/**
 * The issue's "Done means", through the API: the county civil affairs bureau plans a
 * video meeting relaying a city meeting, submits it, gets the relay and length findings,
 * answers them; the gatekeeper approves; the bureau issues it; the township sees it in
 * its calendar (and .ics) and in its inbox with hours, and records who attended.
 */
@DatabaseTest
@AutoConfigureMockMvc
class MeetingFlowTests {

	static final String PASSWORD = "jianfu-demo";

	static final String BACHUAN = "500151001000";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A Tuesday in the second week of a month, well ahead: no no-meeting day or week. */
	static LocalDate meetingDay() {
		LocalDate month = China.today().plusMonths(2).withDayOfMonth(1);
		return month.plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
	}

	@Test
	void aCountyDepartmentPlansSubmitsAndIssuesAVideoMeetingThatTheTownshipSeesWithHours() throws Exception {
		LocalDate day = meetingDay();
		String plan = this.mvc.perform(post("/api/v1/meetings/plan").with(httpBasic("issuer", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"year":%d,"month":%d,"field":"民政流程","title":"传达全市民政工作会议精神视频会","comprehensive":false,"mode":"VIDEO"}
					""".formatted(day.getYear(), day.getMonthValue())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long planEntry = ((Number) JsonPath.read(plan, "$.id")).longValue();

		String meeting = """
				{"title":"全区民政工作视频会议","body":"请各街道分管负责同志在视频分会场参会。","mode":"VIDEO","field":"民政流程",
				 "comprehensive":false,"planEntryId":%d,
				 "agenda":[{"topic":"传达学习全市民政工作会议精神","speaker":"局长","minutes":75,"mainSpeech":true},
				           {"topic":"部署冬春救助工作","speaker":"副局长","minutes":30}],
				 "start":"%sT09:00","end":"%sT11:00","discussionMinutes":0,"principals":0,"deputies":1,"staff":1,
				 "venue":"区政府视频会议室","parentTitle":"重庆市民政工作会议","convener":"PRINCIPAL",
				 "recipientUnitCodes":["%s"],"legalBasis":"《社会救助暂行办法》"}
				""".formatted(planEntry, day, day, BACHUAN);
		String created = this.mvc
			.perform(post("/api/v1/meetings").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(meeting))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("issuer", PASSWORD)))
			.andExpect(jsonPath("$.kind").value("MEETING"))
			.andExpect(jsonPath("$.field").value("民政流程"))
			.andExpect(jsonPath("$.details['meeting.mode']").value("video"))
			.andExpect(jsonPath("$.details['meeting.minutes']").value("120"))
			.andExpect(jsonPath("$.details['meeting.main-speech-minutes']").value("75"));

		String verdict = this.mvc
			.perform(post("/api/v1/demands/" + id + "/submit").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> codes = JsonPath.read(verdict, "$.findings[*].code");
		assertThat(codes).contains("meeting.relay", "meeting.length.speech")
			.doesNotContain("cascade.relay", "meeting.plan", "meeting.video-share", "meeting.no-meeting-day.weekday");
		assertThat((String) JsonPath.read(verdict, "$.status")).isEqualTo("NEEDS_JUSTIFICATION");

		List<Map<String, Object>> findings = JsonPath.read(verdict, "$.findings[?(@.severity == 'JUSTIFY')]");
		String answers = findings.stream()
			.map(f -> "\"" + f.get("code") + "\":\"市局通知要求各区县传达；局长讲话含年度总结，需 75 分钟。\"")
			.collect(Collectors.joining(",", "{\"answers\":{", "}}"));
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/justifications").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(answers))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/approve").with(httpBasic("gatekeeper", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"理由成立\"}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/issue").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk());
		awaitCalendar(id);

		this.mvc
			.perform(get("/api/v1/meetings/calendar").param("from", day.minusDays(1).toString())
				.param("to", day.plusDays(1).toString())
				.with(httpBasic("township", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.meeting.demandId == %d)].meeting.title".formatted(id)).value("全区民政工作视频会议"));
		String ics = this.mvc.perform(get("/api/v1/meetings/calendar.ics").with(httpBasic("township", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/calendar")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(ics).contains("UID:meeting-" + id + "@").contains("SUMMARY:全区民政工作视频会议");
		// 120 minutes by video, no travel, two attendees: 4 h
		this.mvc.perform(get("/api/v1/inbox").with(httpBasic("township", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.demandId == %d)].estimatedHours".formatted(id)).value(4.0))
			.andExpect(jsonPath("$[?(@.demandId == %d)].explanationZh".formatted(id)).value(org.hamcrest.Matchers
				.hasItem(org.hamcrest.Matchers.startsWith("4 h = (120 分钟会议 + 0 分钟路程) × 2 人"))));

		this.mvc.perform(put("/api/v1/meetings/" + id + "/attendance").with(httpBasic("township", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"attendees\":[{\"name\":\"李华\",\"role\":\"DEPUTY\"},{\"name\":\"王芳\",\"role\":\"STAFF\"}]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
		this.mvc.perform(get("/api/v1/meetings/" + id + "/attendance").with(httpBasic("issuer", PASSWORD)))
			.andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.containsInAnyOrder("李华", "王芳")));
		// village A was not called: the meeting is not in its calendar and it cannot
		// record attendance
		this.mvc
			.perform(put("/api/v1/meetings/" + id + "/attendance").with(httpBasic("village", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"attendees\":[{\"name\":\"赵六\",\"role\":\"STAFF\"}]}"))
			.andExpect(status().isNotFound());
	}

	private void awaitCalendar(long id) throws InterruptedException {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (count("select count(*) from meeting_recipient where demand_id = :id", id) == 0
				|| count("select count(*) from ledger_entry where demand_id = :id", id) == 0) {
			assertThat(System.nanoTime()).as("calendar and ledger of meeting " + id).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

}
