package cn.jianfu.org.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin accounts page: role changes with PRG, refused changes in the error summary.
 */
@DatabaseTest
@AutoConfigureMockMvc
class AccountsPageTests {

	@Autowired
	MockMvc mvc;

	@Test
	@WithUserDetails("admin")
	void listsTheAccountsInScopeWithTheirUnits() throws Exception {
		this.mvc.perform(get("/admin/accounts"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("kaizhou.issuer")))
			.andExpect(content().string(containsString("巴川街道")))
			.andExpect(content().string(containsString("for=\"roles-township\"")));
	}

	@Test
	@WithUserDetails("admin")
	void changesRolesAndRedirectsWithAMessage() throws Exception {
		this.mvc
			.perform(post("/admin/accounts/{u}/roles", "supervisor").with(csrf())
				.param("roles", "SUPERVISOR", "GATEKEEPER"))
			.andExpect(redirectedUrl("/admin/accounts"))
			.andExpect(flash().attribute("flash", "accounts.roles.changed"));
	}

	@Test
	@WithUserDetails("admin")
	void refusingToDemoteOneselfShowsInTheErrorSummary() throws Exception {
		this.mvc.perform(post("/admin/accounts/{u}/roles", "admin").with(csrf()).param("roles", "ISSUER"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString("href=\"#roles-admin\"")))
			.andExpect(content().string(containsString("不能取消自己的管理员角色")));
	}

	@Test
	@WithUserDetails("admin")
	void noRoleAtAllIsRefused() throws Exception {
		this.mvc.perform(post("/admin/accounts/{u}/roles", "village").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("账号至少要有一个角色")));
	}

	@Test
	@WithUserDetails("township")
	void isOnlyForAdministrators() throws Exception {
		this.mvc.perform(get("/admin/accounts")).andExpect(status().isForbidden());
	}

}
