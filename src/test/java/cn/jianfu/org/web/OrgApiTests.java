package cn.jianfu.org.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.jianfu.DatabaseTest;

@DatabaseTest
@AutoConfigureMockMvc
class OrgApiTests {

	static final String PASSWORD = "jianfu-demo";

	static final String BACHUAN = "500151001000";

	@Autowired
	MockMvc mvc;

	@Test
	void meShowsTheTownshipAccountWithItsUnit() throws Exception {
		this.mvc.perform(get("/api/v1/me").with(httpBasic("township", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("township"))
			.andExpect(jsonPath("$.unit.code").value(BACHUAN))
			.andExpect(jsonPath("$.unit.name").value("巴川街道"))
			.andExpect(jsonPath("$.roles", hasItem("GRASSROOTS")));
	}

	@Test
	void unitOutsideScopeIsNotFoundWithABilingualProblem() throws Exception {
		this.mvc.perform(get("/api/v1/units/" + BACHUAN).with(httpBasic("kaizhou.issuer", PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("unit.not-found"))
			.andExpect(jsonPath("$.message_zh", containsString("管辖范围")))
			.andExpect(jsonPath("$.message_en", containsString("jurisdiction")));
	}

	@Test
	void unitInsideScopeIsShown() throws Exception {
		this.mvc.perform(get("/api/v1/units/" + BACHUAN).with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("巴川街道"))
			.andExpect(jsonPath("$.level").value(4))
			.andExpect(jsonPath("$.parentCode").value("500151000000"));
	}

	@Test
	void aVillageCannotSeeItsOwnTownship() throws Exception {
		this.mvc.perform(get("/api/v1/units/" + BACHUAN).with(httpBasic("village", PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void childrenArePaged() throws Exception {
		this.mvc.perform(get("/api/v1/units/500151000000/children?page=1&size=10").with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(10))
			.andExpect(jsonPath("$.total").value(28))
			.andExpect(jsonPath("$.items.length()").value(10));
		this.mvc.perform(get("/api/v1/units/500151000000/children?size=500").with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("page.invalid"));
	}

	@Test
	void searchStaysInsideScope() throws Exception {
		this.mvc.perform(get("/api/v1/units?q=街道&size=200").with(httpBasic("kaizhou.issuer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].code",
					org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("500154"))));
	}

	@Test
	void wrongPasswordIsUnauthorizedAsAProblem() throws Exception {
		this.mvc.perform(get("/api/v1/me").with(httpBasic("issuer", "wrong")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Basic")))
			.andExpect(jsonPath("$.code").value("auth.required"));
		this.mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
	}

	@Test
	void nonAdminCannotUseAdminEndpoints() throws Exception {
		this.mvc.perform(get("/api/v1/admin/accounts").with(httpBasic("gatekeeper", PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("auth.forbidden"));
	}

	@Test
	void personalTokenAuthenticatesUntilRevoked() throws Exception {
		String created = this.mvc
			.perform(post("/api/v1/me/tokens").with(httpBasic("township", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"脚本\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = JsonPath.read(created, "$.token");
		int id = JsonPath.read(created, "$.id");
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value("township"));
		this.mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].lastUsedAt").isNotEmpty())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));
		this.mvc.perform(delete("/api/v1/me/tokens/" + id).with(httpBasic("township", PASSWORD)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void unknownTokenIsUnauthorized() throws Exception {
		this.mvc.perform(get("/api/v1/me").header("Authorization", "Bearer jf_not-a-token"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void tokenNeedsAName() throws Exception {
		this.mvc
			.perform(post("/api/v1/me/tokens").with(httpBasic("township", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("token.name"));
	}

	@Test
	void adminChangesRolesButNotTheirOwnAdminRole() throws Exception {
		this.mvc
			.perform(put("/api/v1/admin/accounts/supervisor/roles").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"SUPERVISOR\",\"GATEKEEPER\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles.length()").value(2));
		this.mvc
			.perform(put("/api/v1/admin/accounts/supervisor/roles").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"SUPERVISOR\"]}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(put("/api/v1/admin/accounts/admin/roles").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"ISSUER\"]}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("account.self-demotion"));
		this.mvc
			.perform(put("/api/v1/admin/accounts/nobody/roles").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"ISSUER\"]}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void adminImportReportsErrorsWithRowsAndWritesNothing() throws Exception {
		this.mvc.perform(post("/api/v1/admin/units/import").with(httpBasic("admin", PASSWORD))
			.contentType("text/csv")
			.content("code,name,level,parent_code\n500151001099,新社区,5,500151001000\n500151001098,坏,4,500151001000\n"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("level"))
			.andExpect(jsonPath("$.created").value(0));
		this.mvc.perform(get("/api/v1/units/500151001099").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void importRefusesABodyOverTheLimitAndWritesNothing() throws Exception {
		byte[] body = new byte[(int) OrgAdminApi.MAX_CSV_BYTES + 1];
		java.util.Arrays.fill(body, (byte) '#');
		this.mvc
			.perform(post("/api/v1/admin/units/import").with(httpBasic("admin", PASSWORD))
				.contentType("text/csv")
				.content(body))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.code").value("upload.too-large"));
	}

	@Test
	void openApiDescribesTheApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/me']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/units/{code}']").exists());
	}

	@Test
	void healthIsPublicAndPrometheusIsForAdmins() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"));
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("township", PASSWORD)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", PASSWORD))).andExpect(status().isOk());
	}

}
