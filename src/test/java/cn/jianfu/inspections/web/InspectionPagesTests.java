package cn.jianfu.inspections.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.jianfu.DatabaseTest;

/**
 * The plan page, the item and demand forms, the calendar and the schedule, as the
 * personas see them.
 */
@DatabaseTest
@AutoConfigureMockMvc
class InspectionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	RequestPostProcessor as(String username) {
		return user(this.accounts.loadUserByUsername(username));
	}

	@Test
	void addsAnItemShowsMergeProposalsAndSchedulesIt() throws Exception {
		this.mvc
			.perform(post("/inspections/items").with(csrf())
				.with(as("issuer"))
				.param("year", "2055")
				.param("title", "校园食品安全检查")
				.param("type", "CHECK")
				.param("fields", "食品安全")
				.param("months", "3, 4")
				.param("onSite", "true")
				.param("materials", "ledger")
				.param("targets", "500151001000"))
			.andExpect(redirectedUrl("/inspections?year=2055"));
		this.mvc
			.perform(post("/inspections/items").with(csrf())
				.with(as("township"))
				.param("year", "2055")
				.param("title", "社区食堂检查")
				.param("type", "SUPERVISION")
				.param("fields", "食品安全")
				.param("months", "4")
				.param("onSite", "true")
				.param("targets", "500151001001"))
			.andExpect(redirectedUrl("/inspections?year=2055"));
		this.mvc.perform(get("/inspections?year=2055").with(as("gatekeeper")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("校园食品安全检查")))
			.andExpect(content().string(containsString("社区食堂检查")))
			.andExpect(content().string(containsString("合并建议")));
		this.mvc.perform(get("/inspections/schedule?year=2055").with(as("gatekeeper")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2055-04")));
		this.mvc.perform(post("/inspections/schedule/accept").with(csrf()).with(as("gatekeeper")).param("year", "2055"))
			.andExpect(redirectedUrl("/inspections/schedule?year=2055"));
		this.mvc.perform(get("/inspections/calendar?year=2055").with(as("township")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("巴川街道")));
	}

	@Test
	void showsWhatIsWrongWithAnItemOnTheForm() throws Exception {
		this.mvc
			.perform(post("/inspections/items").with(csrf())
				.with(as("issuer"))
				.param("year", "2056")
				.param("title", "月份错误")
				.param("type", "CHECK")
				.param("fields", "x")
				.param("months", "13")
				.param("targets", "500151001000"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString("1 到 12")));
		this.mvc.perform(get("/inspections/items/new").with(as("village"))).andExpect(status().isForbidden());
	}

	@Test
	void sendsTheIssuerToTheGateWithTheDraft() throws Exception {
		this.mvc.perform(get("/inspections/demands/new").with(as("issuer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("计划外事项")));
		this.mvc
			.perform(post("/inspections/demands").with(csrf())
				.with(as("issuer"))
				.param("year", "2057")
				.param("title", "计划外检查")
				.param("type", "RESEARCH")
				.param("fields", "养老")
				.param("months", "5")
				.param("visitOn", "2057-05-10")
				.param("materials", "photos")
				.param("targets", "500151001000"))
			.andExpect(redirectedUrlPattern("/demands/*"));
	}

}
