package cn.jianfu.inspections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;

/**
 * The inspection API end to end: plan items, an inspection demand placed at the gate and
 * submitted, the schedule accepted and changed within the cap, the baseline.
 */
@DatabaseTest
@AutoConfigureMockMvc
class InspectionsApiTests {

	static final String PASSWORD = "jianfu-demo";

	@Autowired
	MockMvc mvc;

	String item(int year, String title, String months, String target) throws Exception {
		return this.mvc
			.perform(post("/api/v1/inspections/items").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":" + year + ",\"title\":\"" + title + "\",\"type\":\"CHECK\",\"fields\":[\"" + title
						+ "\"],\"months\":[" + months + "],\"onSite\":true,\"materials\":[\"LEDGER\"],\"targets\":[\""
						+ target + "\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void placesAnInspectionOutsideThePlanAtTheGateWhereItIsToBeJustified() throws Exception {
		String created = this.mvc
			.perform(post("/api/v1/inspections/demands").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":2051,\"title\":\"临时养老检查\",\"type\":\"CHECK\",\"fields\":[\"养老\"],"
						+ "\"months\":[3],\"onSite\":true,\"materials\":[\"PHOTOS\",\"LEDGER\"],"
						+ "\"targets\":[\"500151001000\"],\"visitOn\":\"2051-03-15\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created);
		assertThat(id.find()).isTrue();
		assertThat(created).contains("/demands/" + id.group(1));
		String verdict = this.mvc
			.perform(post("/api/v1/demands/" + id.group(1) + "/submit").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(verdict).contains("inspection.plan").contains("inspection.materials");
	}

	@Test
	void refusesItemsFromNonIssuersAndTargetsOutsideTheJurisdiction() throws Exception {
		String body = "{\"year\":2052,\"title\":\"x\",\"type\":\"CHECK\",\"fields\":[\"x\"],\"months\":[3],"
				+ "\"targets\":[\"500151001000\"]}";
		this.mvc
			.perform(post("/api/v1/inspections/items").with(httpBasic("village", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/inspections/items").with(httpBasic("kaizhou.issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/inspections/items").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("[3]", "[13]")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void acceptsTheProposalAndKeepsChangesWithinTheMonthlyCap() throws Exception {
		item(2053, "排期甲", "3", "500151001000");
		item(2053, "排期乙", "3", "500151001000");
		item(2053, "排期丙", "3", "500151001000");
		String proposal = this.mvc
			.perform(get("/api/v1/inspections/schedule?year=2053").with(httpBasic("gatekeeper", PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(proposal).contains("\"reason\":\"CAP\"");
		this.mvc.perform(post("/api/v1/inspections/schedule/accept?year=2053").with(httpBasic("gatekeeper", PASSWORD)))
			.andExpect(status().isOk());
		String calendar = this.mvc
			.perform(get("/api/v1/inspections/calendar?year=2053").with(httpBasic("gatekeeper", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(calendar).contains("500151001000").contains("\"visits\":2");
		Matcher visit = Pattern.compile("\"id\":(\\d+),\"itemIds\"").matcher(calendar);
		assertThat(visit.find()).isTrue();
		// a Saturday is refused; a working day of another month is fine; back in March
		// within the cap
		this.mvc
			.perform(post("/api/v1/inspections/schedule/change").with(httpBasic("gatekeeper", PASSWORD))
				.param("visit", visit.group(1))
				.param("on", "2053-04-05"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/inspections/schedule/change").with(httpBasic("gatekeeper", PASSWORD))
				.param("visit", visit.group(1))
				.param("on", "2053-04-07"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/inspections/schedule/change").with(httpBasic("issuer", PASSWORD))
				.param("visit", visit.group(1))
				.param("on", "2053-04-08"))
			.andExpect(status().isForbidden());
		item(2053, "排期丁", "4", "500151001000");
		this.mvc.perform(post("/api/v1/inspections/schedule/accept?year=2053").with(httpBasic("gatekeeper", PASSWORD)))
			.andExpect(status().isOk());
		String settled = this.mvc
			.perform(get("/api/v1/inspections/calendar?year=2053").with(httpBasic("gatekeeper", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher march = Pattern
			.compile("\"id\":(\\d+),\"itemIds\":\\[\\d+\\],\"township\":\"500151001000\",\"on\":\"2053-04")
			.matcher(settled);
		assertThat(march.find()).as(settled).isTrue();
		// March already has two visits: moving the April visit there breaks the cap
		this.mvc
			.perform(post("/api/v1/inspections/schedule/change").with(httpBasic("gatekeeper", PASSWORD))
				.param("visit", march.group(1))
				.param("on", "2053-03-31"))
			.andExpect(status().isConflict());
	}

	@Test
	void showsTheReductionAgainstTheBaseline() throws Exception {
		String standing = this.mvc
			.perform(post("/api/v1/inspections/baseline").with(httpBasic("gatekeeper", PASSWORD))
				.param("baselineYear", "2024")
				.param("count", "11")
				.param("year", "2054"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// a county: 50% off 11 items leaves at most 5
		assertThat(standing).contains("\"cutPercent\":50").contains("\"target\":5").contains("\"planned\":0");
		this.mvc
			.perform(post("/api/v1/inspections/baseline").with(httpBasic("issuer", PASSWORD))
				.param("baselineYear", "2024")
				.param("count", "11"))
			.andExpect(status().isForbidden());
	}

	@Test
	void putsAnIssuedOnSiteInspectionOnTheCalendar() throws Exception {
		String created = this.mvc
			.perform(post("/api/v1/inspections/demands").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":2058,\"title\":\"已签发检查\",\"type\":\"CHECK\",\"fields\":[\"签发\"],"
						+ "\"months\":[6],\"onSite\":true,\"materials\":[\"LEDGER\"],"
						+ "\"targets\":[\"500151001001\",\"500151001000\"],\"visitOn\":\"2058-06-12\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created);
		assertThat(id.find()).isTrue();
		String demand = "/api/v1/demands/" + id.group(1);
		String verdict = this.mvc
			.perform(post(demand + "/submit").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher codes = Pattern.compile("\"code\":\"([a-z.\\-]+)\"").matcher(verdict);
		StringBuilder answers = new StringBuilder();
		while (codes.find()) {
			answers.append(answers.isEmpty() ? "" : ",").append("\"").append(codes.group(1)).append("\":\"确有必要\"");
		}
		this.mvc
			.perform(post(demand + "/justifications").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"answers\":{" + answers + "}}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post(demand + "/approve").with(httpBasic("gatekeeper", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post(demand + "/issue").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk());
		long deadline = System.nanoTime() + 10_000_000_000L;
		String calendar = "";
		while (System.nanoTime() < deadline && !calendar.contains("2058-06-12")) {
			Thread.sleep(50);
			calendar = this.mvc
				.perform(get("/api/v1/inspections/calendar?year=2058").with(httpBasic("gatekeeper", PASSWORD)))
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		// the village and its township are one visit to the township
		assertThat(calendar)
			.contains("\"township\":\"500151001000\",\"on\":\"2058-06-12\",\"demandId\":" + id.group(1));
		assertThat(Pattern.compile("2058-06-12").matcher(calendar).results().count()).isEqualTo(1);
	}

}
