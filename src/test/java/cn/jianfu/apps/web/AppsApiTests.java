package cn.jianfu.apps.web;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;

/**
 * Registering apps through the gate: refused features and sponsors, the whole way to
 * issue, and apps per person on the dashboard.
 */
@DatabaseTest
@AutoConfigureMockMvc
class AppsApiTests {

	static final String PASSWORD = "jianfu-demo";

	static final String LAUNCH = China.today().plusDays(40).toString();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	long register(String user, String json) throws Exception {
		String created = this.mvc
			.perform(post("/api/v1/apps").with(httpBasic(user, PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created);
		assertThat(id.find()).isTrue();
		return Long.parseLong(id.group(1));
	}

	String submit(String user, long id) throws Exception {
		return this.mvc
			.perform(post("/api/v1/demands/" + id + "/submit").with(httpBasic(user, PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void refusesForbiddenFeaturesAndSponsorsBelowCountyLevel() throws Exception {
		long checkIn = register("issuer",
				"{\"name\":\"打卡通\",\"features\":[\"CHECK_IN\",\"ONLINE_TIME\"],"
						+ "\"usersPerUnit\":3,\"minutesPerDay\":15,\"targets\":[\"500151004000\"],\"launchOn\":\""
						+ LAUNCH + "\",\"complaintUrl\":\"https://ts.example.cn\"}");
		assertThat(submit("issuer", checkIn)).contains("app.forbidden-feature").contains("BLOCK");
		long township = register("township", "{\"name\":\"街道通\",\"usersPerUnit\":3,\"minutesPerDay\":15,"
				+ "\"targets\":[\"500151001001\"],\"launchOn\":\"" + LAUNCH + "\"}");
		assertThat(submit("township", township)).contains("app.sponsor-level").contains("app.complaint");
		this.mvc
			.perform(post("/api/v1/apps").with(httpBasic("village", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"targets\":[\"500151001001\"]}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/apps").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"complaintUrl\":\"javascript:alert(1)\",\"targets\":[\"500151001001\"]}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void countsAnIssuedAppOnTheDashboard() throws Exception {
		long id = register("issuer",
				"{\"name\":\"民政一网通\",\"registrationNumber\":\"渝ICP备2026001号\",\"functions\":[\"救助审核\"],"
						+ "\"usersPerUnit\":4,\"minutesPerDay\":20,\"targets\":[\"500151005000\"],\"launchOn\":\""
						+ LAUNCH + "\",\"complaintUrl\":\"https://ts.example.cn\"}");
		String verdict = submit("issuer", id);
		assertThat(verdict).doesNotContain("app.forbidden-feature").doesNotContain("app.sponsor-level");
		Matcher codes = Pattern.compile("\"code\":\"([a-z.\\-]+)\"").matcher(verdict);
		StringBuilder answers = new StringBuilder();
		while (codes.find()) {
			answers.append(answers.isEmpty() ? "" : ",").append("\"").append(codes.group(1)).append("\":\"确有必要\"");
		}
		if (verdict.contains("NEEDS_JUSTIFICATION")) {
			this.mvc
				.perform(post("/api/v1/demands/" + id + "/justifications").with(httpBasic("issuer", PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"answers\":{" + answers + "}}"))
				.andExpect(status().isOk());
		}
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/approve").with(httpBasic("gatekeeper", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/issue").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isOk());
		long deadline = System.nanoTime() + 10_000_000_000L;
		String dashboard = "";
		while (System.nanoTime() < deadline) {
			dashboard = this.mvc.perform(get("/api/v1/apps/dashboard").with(httpBasic("gatekeeper", PASSWORD)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (dashboard.contains("500151005000")) {
				break;
			}
			Thread.sleep(50);
		}
		// 4 users of one app in a township of 40 staff
		assertThat(dashboard).contains("\"code\":\"500151005000\"").contains("\"appsPerPerson\":0.10");
		this.mvc.perform(get("/apps/dashboard").with(user(this.accounts.loadUserByUsername("gatekeeper"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("500151005000")));
		this.mvc.perform(get("/apps").with(user(this.accounts.loadUserByUsername("village"))))
			.andExpect(status().isOk());
	}

	@Test
	void sendsTheSponsorFromTheFormToTheGate() throws Exception {
		this.mvc.perform(get("/apps/new").with(user(this.accounts.loadUserByUsername("issuer"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("打卡")));
		this.mvc
			.perform(post("/apps").with(csrf())
				.with(user(this.accounts.loadUserByUsername("issuer")))
				.param("name", "表单应用")
				.param("form", "MINI_PROGRAM")
				.param("functions", "走访")
				.param("usersPerUnit", "2")
				.param("minutesPerDay", "5")
				.param("targets", "500151001000")
				.param("launchOn", LAUNCH)
				.param("complaintUrl", "https://ts.example.cn"))
			.andExpect(redirectedUrlPattern("/demands/*"));
		this.mvc
			.perform(post("/apps").with(csrf())
				.with(user(this.accounts.loadUserByUsername("issuer")))
				.param("name", "")
				.param("targets", "500151001000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("role=\"alert\"")));
	}

}
