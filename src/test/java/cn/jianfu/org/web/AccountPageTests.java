package cn.jianfu.org.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.jianfu.DatabaseTest;
import cn.jianfu.org.internal.PersonalTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * My account: token secrets shown once after the redirect, form problems in the error
 * summary.
 */
@DatabaseTest
@AutoConfigureMockMvc
@WithUserDetails("village")
class AccountPageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void showsTheNewSecretOnceAfterTheRedirect() throws Exception {
		MvcResult created = this.mvc.perform(post("/account/tokens").with(csrf()).param("name", "台账导出脚本"))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("flash", "account.token.created-flash"))
			.andReturn();
		PersonalTokens.NewToken token = (PersonalTokens.NewToken) created.getFlashMap().get("newToken");
		assertThat(token.token()).startsWith("jf_");

		this.mvc.perform(get("/account").flashAttrs(created.getFlashMap()))
			.andExpect(content().string(containsString(token.token())))
			.andExpect(content().string(containsString("这个密钥不会再显示")));
		this.mvc.perform(get("/account"))
			.andExpect(content().string(not(containsString(token.token()))))
			.andExpect(content().string(containsString("台账导出脚本")));
	}

	@Test
	void anEmptyNameShowsInTheErrorSummaryLinkedToTheField() throws Exception {
		this.mvc.perform(post("/account/tokens").with(csrf()).param("name", "  "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString("href=\"#name\"")))
			.andExpect(content().string(containsString("令牌名称须为 1 到 100 个字符")))
			.andExpect(content().string(containsString("aria-describedby=\"name-hint name-error\"")));
	}

	@Test
	void aPastExpiryIsAnErrorOfTheExpiryField() throws Exception {
		this.mvc.perform(post("/account/tokens").with(csrf()).param("name", "旧脚本").param("expiresOn", "2020-01-01"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#expiresOn\"")))
			.andExpect(content().string(containsString("令牌的过期时间须在将来")));
	}

	@Test
	void aMalformedDateIsAnErrorOfTheExpiryField() throws Exception {
		this.mvc.perform(post("/account/tokens").with(csrf()).param("name", "脚本").param("expiresOn", "明天"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#expiresOn\"")))
			.andExpect(content().string(containsString("日期格式不正确")));
	}

	@Test
	void revokesAToken() throws Exception {
		MvcResult created = this.mvc.perform(post("/account/tokens").with(csrf()).param("name", "临时")).andReturn();
		PersonalTokens.NewToken token = (PersonalTokens.NewToken) created.getFlashMap().get("newToken");
		this.mvc.perform(post("/account/tokens/{id}/revoke", token.id()).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("flash", "account.token.revoked"));
		this.mvc.perform(post("/account/tokens/{id}/revoke", token.id()).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void refusesAPostWithoutTheCsrfToken() throws Exception {
		this.mvc.perform(post("/account/tokens").param("name", "脚本")).andExpect(status().isForbidden());
	}

}
