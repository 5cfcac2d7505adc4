package cn.jianfu.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;
import cn.jianfu.org.Role;

/**
 * RELIABILITY rows 3 (mass assignment), 4 (login throttling) and 18 (log injection).
 */
@DatabaseTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SignInSecurityTests {

	static final String PASSWORD = "jianfu-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessTokens tokens;

	@Test
	void locksAUserNameAfterFiveFailuresEvenForTheRightPassword() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(get("/api/v1/me").with(httpBasic("supervisor", "guess" + i)))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/v1/me").with(httpBasic("supervisor", PASSWORD)))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(post("/login").with(csrf()).param("username", "supervisor").param("password", PASSWORD))
			.andExpect(redirectedUrl("/login?locked"));
		this.mvc.perform(get("/api/v1/me").with(httpBasic("issuer", PASSWORD))).andExpect(status().isOk());
	}

	@Test
	void locksUnknownUserNamesToo() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(post("/login").with(csrf()).param("username", "ghost").param("password", "x" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(post("/login").with(csrf()).param("username", "ghost").param("password", "x"))
			.andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void formSignInNeedsTheCsrfToken() throws Exception {
		this.mvc.perform(post("/login").param("username", "issuer").param("password", PASSWORD))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/login").with(csrf()).param("username", "issuer").param("password", PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void bodiesCannotChooseTheOwnerOrUnitOfWhatTheyCreate() throws Exception {
		long admin = this.accounts.findForSignIn("admin").orElseThrow().id();
		long township = this.accounts.findForSignIn("township").orElseThrow().id();
		int adminTokens = this.tokens.ofAccount(admin).size();
		this.mvc.perform(post("/api/v1/me/tokens").with(httpBasic("township", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"mass","accountId":%d,"ownerId":%d,"unitId":"500154000000",
					 "unitCode":"500154000000","status":"revoked","reviewer":"admin","revokedAt":"2020-01-01T00:00:00Z"}
					""".formatted(admin, admin))).andExpect(status().isCreated());
		assertThat(this.tokens.ofAccount(admin)).hasSize(adminTokens);
		assertThat(this.tokens.ofAccount(township)).anySatisfy(t -> {
			assertThat(t.name()).isEqualTo("mass");
			assertThat(t.revokedAt()).isNull();
		});
		this.mvc
			.perform(put("/api/v1/admin/accounts/village/roles").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"GRASSROOTS\"],\"username\":\"admin\",\"unitCode\":\"500154000000\"}"))
			.andExpect(status().isOk());
		assertThat(this.accounts.findForSignIn("village").orElseThrow().unitCode()).isEqualTo("500151001001");
		assertThat(this.accounts.findForSignIn("admin").orElseThrow().roles()).contains(cn.jianfu.org.Role.ADMIN);
		this.mvc.perform(get("/api/v1/me").with(httpBasic("township", PASSWORD)))
			.andExpect(jsonPath("$.unit.code").value("500151001000"));
	}

	@Test
	void userInputCannotForgeLogLines(CapturedOutput output) throws Exception {
		String forged = "evil\r\n2026-11-26T00:00:00Z INFO forged\u001b[2J${jndi:ldap://x/a}";
		this.mvc.perform(post("/login").with(csrf()).param("username", forged).param("password", "x"))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(output.getOut()).contains("Sign-in failed for user evil\\r\\n2026-11-26");
		assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("2026-11-26T00:00:00Z"));
		assertThat(output.getOut()).doesNotContain("\u001b[2J").contains("\\u001b[2J").contains("${jndi:ldap://x/a}");
	}

}
