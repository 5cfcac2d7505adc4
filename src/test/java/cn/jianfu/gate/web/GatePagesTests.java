package cn.jianfu.gate.web;

import cn.jianfu.China;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.jianfu.DatabaseTest;

/**
 * The gate's pages without JavaScript: a document over the length limit from draft to
 * gate number, the review queue, the check catalogue and the rulebook.
 */
@DatabaseTest
@AutoConfigureMockMvc
class GatePagesTests {

	static final String BACHUAN = "500151001000";

	static final String[] CODES = { "quota.yearly", "document.length", "lead-time", "cascade.relay", "sunset",
			"legal-basis", "assessment" };

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	RequestPostProcessor as(String username) {
		return user(this.accounts.loadUserByUsername(username));
	}

	MockHttpServletRequestBuilder draft(String title, String body) {
		return post("/demands").with(csrf())
			.param("kind", "DOCUMENT")
			.param("title", title)
			.param("body", body)
			.param("legalBasis", "《社会救助暂行办法》")
			.param("recipientMode", "units")
			.param("recipientUnitCodes", BACHUAN)
			.param("dueDate", China.today().plusDays(40).toString())
			.param("assessmentYes", "necessary", "merged", "no-report-back", "no-supporting-documents", "no-new-forms",
					"data-not-held", "no-traces");
	}

	@Test
	void aLongDocumentGoesFromDraftToGateNumberThroughThePages() throws Exception {
		this.mvc.perform(get("/demands/new").with(as("issuer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("为基层减负一致性评估")))
			.andExpect(content().string(containsString("巴川街道")))
			.andExpect(content().string(containsString("我的事项")));
		String location = this.mvc.perform(draft("关于冬季救助工作的通知", "字".repeat(5300)).with(as("issuer")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "demand.created-flash"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(post(location + "/submit").with(csrf()).with(as("issuer"))).andExpect(redirectedUrl(location));
		this.mvc.perform(get(location).with(as("issuer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("待说明理由")))
			.andExpect(content().string(containsString("文件 5300 字，超过上限 5000 字")))
			.andExpect(content().string(containsString("一、2.提升文件质量")))
			.andExpect(content().string(containsString("name=\"answer.document.length\"")));
		MockHttpServletRequestBuilder answers = post(location + "/justifications").with(csrf()).with(as("issuer"));
		for (String code : CODES) {
			answers.param("answer." + code, "冬季救助须一次部署到位");
		}
		this.mvc.perform(answers).andExpect(flash().attribute("flash", "demand.justified-flash"));
		this.mvc.perform(get("/gate/review").with(as("gatekeeper")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("关于冬季救助工作的通知")))
			.andExpect(content().string(containsString("冬季救助须一次部署到位")));
		this.mvc
			.perform(post(location + "/approve").with(csrf())
				.with(as("gatekeeper"))
				.param("reason", "同意")
				.param("back", "review"))
			.andExpect(redirectedUrl("/gate/review"))
			.andExpect(flash().attribute("flash", "demand.approved-flash"));
		this.mvc.perform(post(location + "/issue").with(csrf()).with(as("issuer")))
			.andExpect(flash().attribute("flash", "demand.issued-flash"));
		this.mvc.perform(get(location).with(as("issuer")))
			.andExpect(content().string(containsString("JF-500151-")))
			.andExpect(content().string(containsString("无准入编号的事项，基层可不予承办")))
			.andExpect(content().string(not(containsString("提交准入审查</button>"))));
		this.mvc.perform(get("/demands").with(as("issuer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("关于冬季救助工作的通知")));
		this.mvc.perform(get(location).with(as("kaizhou.issuer"))).andExpect(status().isNotFound());
	}

	@Test
	void anEmptyTitleShowsInTheErrorSummaryLinkedToTheField() throws Exception {
		this.mvc.perform(draft(" ", "正文").with(as("issuer")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString("href=\"#title\"")))
			.andExpect(content().string(containsString("标题不能为空")));
	}

	@Test
	void aWrongStateShowsAsAnErrorOnTheDemandPage() throws Exception {
		String location = this.mvc.perform(draft("草稿", "正文").with(as("issuer")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(post(location + "/issue").with(csrf()).with(as("issuer")))
			.andExpect(redirectedUrl(location))
			.andExpect(flash().attribute("error", containsString("状态不允许")));
	}

	@Test
	void theCatalogueShowsEveryCheckWithItsRuleAndExample() throws Exception {
		this.mvc.perform(get("/gate/checks").with(as("village")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("文件篇幅")))
			.andExpect(content().string(containsString("一、2.提升文件质量")))
			.andExpect(content().string(containsString("报表要求 2 个工作日内报送")))
			.andExpect(content().string(containsString("cascade.relay")));
		this.mvc.perform(get("/gate/checks?lang=en").with(as("village")))
			.andExpect(content().string(containsString("Document length")));
	}

	@Test
	void onlyGatekeepersReview() throws Exception {
		this.mvc.perform(get("/gate/review").with(as("village"))).andExpect(status().isForbidden());
	}

	@Test
	void aGatekeeperOverridesAndClearsARuleForItsDistrict() throws Exception {
		this.mvc.perform(get("/rulebook").with(as("issuer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("document.max-length")))
			.andExpect(content().string(not(containsString("/rulebook/overrides"))));
		this.mvc
			.perform(post("/rulebook/overrides").with(csrf())
				.with(as("gatekeeper"))
				.param("key", "lead-time.meeting")
				.param("value", "5")
				.param("reason", "全区会议提前一周通知"))
			.andExpect(redirectedUrl("/rulebook"))
			.andExpect(flash().attribute("flash", "rulebook.overridden-flash"));
		this.mvc.perform(get("/rulebook").with(as("gatekeeper")))
			.andExpect(content().string(containsString("500151000000")))
			.andExpect(content().string(containsString("恢复继承")));
		this.mvc
			.perform(post("/rulebook/overrides").with(csrf())
				.with(as("gatekeeper"))
				.param("key", "lead-time.meeting")
				.param("value", "5")
				.param("reason", ""))
			.andExpect(flash().attribute("error", containsString("理由")));
		this.mvc.perform(
				post("/rulebook/overrides/clear").with(csrf()).with(as("gatekeeper")).param("key", "lead-time.meeting"))
			.andExpect(flash().attribute("flash", "rulebook.cleared-flash"));
	}

}
