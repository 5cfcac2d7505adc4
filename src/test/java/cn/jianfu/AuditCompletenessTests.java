package cn.jianfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditRecord;

/**
 * RELIABILITY row 16: each audited event leaves exactly one audit row, with UTC time,
 * account, type, result and object.
 */
@DatabaseTest
@AutoConfigureMockMvc
class AuditCompletenessTests {

	static final String PASSWORD = "jianfu-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	long last() {
		List<AuditRecord> newest = this.audit.recent(0, 1);
		return newest.isEmpty() ? 0 : newest.get(0).seq();
	}

	List<AuditRecord> since(long seq) {
		return this.audit.recent(0, AuditLog.MAX_PAGE_SIZE)
			.stream()
			.filter(r -> r.seq() > seq)
			.sorted(Comparator.comparingLong(AuditRecord::seq))
			.toList();
	}

	void expectOne(long before, String account, String type, String result, String object) {
		List<AuditRecord> rows = since(before);
		assertThat(rows).as(type).singleElement().satisfies(row -> {
			assertThat(row.account()).isEqualTo(account);
			assertThat(row.type()).isEqualTo(type);
			assertThat(row.result()).isEqualTo(result);
			assertThat(row.object()).isEqualTo(object);
			assertThat(Duration.between(row.occurredAt(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
		});
	}

	@Test
	void signInAndSignOutLeaveOneRowEach() throws Exception {
		long before = last();
		var result = this.mvc
			.perform(post("/login").with(csrf()).param("username", "gatekeeper").param("password", PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		expectOne(before, "gatekeeper", "login.success", "SUCCESS", "account:gatekeeper");
		MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
		before = last();
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(status().is3xxRedirection());
		expectOne(before, "gatekeeper", "logout", "SUCCESS", "account:gatekeeper");
	}

	@Test
	void failedSignInLeavesOneRow() throws Exception {
		long before = last();
		this.mvc.perform(post("/login").with(csrf()).param("username", "issuer").param("password", "wrong"))
			.andExpect(status().is3xxRedirection());
		expectOne(before, "issuer", "login.failure", "FAILURE", "account:issuer");
	}

	@Test
	void denialLeavesOneRow() throws Exception {
		long before = last();
		this.mvc.perform(get("/api/v1/admin/accounts").with(httpBasic("township", PASSWORD)))
			.andExpect(status().isForbidden());
		expectOne(before, "township", "access.denied", "DENIED", "GET /api/v1/admin/accounts");
	}

	@Test
	void roleChangeLeavesOneRow() throws Exception {
		long before = last();
		this.mvc
			.perform(put("/api/v1/admin/accounts/gatekeeper/roles").with(httpBasic("admin", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"roles\":[\"GATEKEEPER\"]}"))
			.andExpect(status().isOk());
		expectOne(before, "admin", "account.roles-changed", "SUCCESS", "account:gatekeeper");
	}

	@Test
	void importLeavesOneRowWhetherItSucceedsOrFails() throws Exception {
		long before = last();
		this.mvc
			.perform(post("/api/v1/admin/units/import?file=good.csv").with(httpBasic("admin", PASSWORD))
				.contentType("text/csv")
				.content("code,name,level,parent_code\n500151001000,巴川街道,4,500151000000\n"))
			.andExpect(status().isOk());
		expectOne(before, "admin", "units.imported", "SUCCESS", "file:good.csv");
		before = last();
		this.mvc
			.perform(post("/api/v1/admin/units/import?file=bad.csv").with(httpBasic("admin", PASSWORD))
				.contentType("text/csv")
				.content("code,name,level,parent_code\nbad,坏,4,500151000000\n"))
			.andExpect(status().isUnprocessableContent());
		expectOne(before, "admin", "units.imported", "FAILURE", "file:bad.csv");
	}

	@Test
	void tokenCreationAndRevocationLeaveOneRowEach() throws Exception {
		long before = last();
		String body = this.mvc
			.perform(post("/api/v1/me/tokens").with(httpBasic("village", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"审计\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int id = JsonPath.read(body, "$.id");
		expectOne(before, "village", "token.created", "SUCCESS", "token:" + id);
		before = last();
		this.mvc.perform(delete("/api/v1/me/tokens/" + id).with(httpBasic("village", PASSWORD)))
			.andExpect(status().isNoContent());
		expectOne(before, "village", "token.revoked", "SUCCESS", "token:" + id);
	}

	@Test
	void auditChainStaysIntactThroughAllOfIt() throws Exception {
		this.mvc.perform(get("/api/v1/admin/audit/verify").with(httpBasic("admin", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.intact").value(true));
	}

}
