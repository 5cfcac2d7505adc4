package cn.jianfu.catalogue;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import cn.jianfu.DatabaseTest;

/**
 * After the lock a unit asks the indicator's owner department to correct a value; the
 * owner approves (a new version naming who approved) or rejects; others cannot decide.
 */
@DatabaseTest
@AutoConfigureMockMvc
class EntryCorrectionsTests {

	static final String VILLAGE_A = "500151001001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	long issuedForm(String period, LocalDate deadline, String... codes) {
		return EntryForms.issued(this.jdbc, 950_000, "更正测试", period, deadline, 5, EntryForms.TOWNSHIP,
				List.of(VILLAGE_A), codes);
	}

	void held(String code, String period, String value) {
		EntryForms.held(this.jdbc, code, VILLAGE_A, period, value, "village");
	}

	ResultActions ask(long id, String json, String account) throws Exception {
		return this.mvc
			.perform(post("/api/v1/catalogue/entry/" + id + "/corrections").contentType(MediaType.APPLICATION_JSON)
				.content(json)
				.with(csrf())
				.with(httpBasic(account, "jianfu-demo")));
	}

	ResultActions decide(long correction, String json, String account) throws Exception {
		return this.mvc.perform(post("/api/v1/catalogue/corrections/" + correction + "/decision")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(csrf())
			.with(httpBasic(account, "jianfu-demo")));
	}

	@Test
	void theOwnerApprovesACorrectionOfALockedValueAndTheNewVersionNamesTheApprover() throws Exception {
		long locked = issuedForm("2045-03", China.today().minusDays(10), "MZ-0004");
		held("MZ-0004", "2045-03", "12");
		String json = "{\"indicator\":\"MZ-0004\",\"value\":\"13\",\"reason\":\"漏报一户\"}";

		// refused: an open period (save instead), a bad value, no reason
		long open = issuedForm("2045-04", China.today().plusDays(10), "MZ-0004");
		ask(open, json, "village").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalogue.correction.not-locked"));
		ask(locked, "{\"indicator\":\"MZ-0004\",\"value\":\"十三\",\"reason\":\"漏报\"}", "village")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalogue.entry.integer"));
		ask(locked, "{\"indicator\":\"MZ-0004\",\"value\":\"13\",\"reason\":\" \"}", "village")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalogue.correction.reason"));
		ask(locked, json, "township").andExpect(status().isNotFound());

		String body = ask(locked, json, "village").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.oldValue").value("12"))
			.andExpect(jsonPath("$.newValue").value("13"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long correction = ((Number) JsonPath.read(body, "$.id")).longValue();

		// the unit itself, another county's 区民政局 and the township cannot decide
		decide(correction, "{\"approve\":true}", "village").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("catalogue.correction.owner-only"));
		decide(correction, "{\"approve\":true}", "kaizhou.issuer").andExpect(status().isNotFound());
		decide(correction, "{\"approve\":true}", "township").andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/catalogue/corrections").with(httpBasic("kaizhou.issuer", "jianfu-demo")))
			.andExpect(jsonPath("$[?(@.id == " + correction + ")]").isEmpty());

		// the owner department (区民政局 of 铜梁区) sees it and approves
		this.mvc.perform(get("/api/v1/catalogue/corrections").with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id").value(hasItem((int) correction)));
		decide(correction, "{\"approve\":true,\"note\":\"核实无误\"}", "issuer").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decidedBy").value("issuer"));
		assertThat(this.jdbc
			.sql("select value_text || '/' || changed_by || '/' || approved_by from catalogue_value_version where"
					+ " indicator_code = 'MZ-0004' and unit_code = :unit and period = '2045-03'")
			.param("unit", VILLAGE_A)
			.query(String.class)
			.list()).containsExactly("13/village/issuer");
		this.mvc.perform(get("/api/v1/catalogue/entry/" + locked).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.cells[0].value").value("13"));
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where event_type = 'catalogue.correction-approved' and object = :o")
			.param("o", "correction:" + correction)
			.query(Long.class)
			.single()).isEqualTo(1);
		decide(correction, "{\"approve\":false}", "issuer").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalogue.correction.decided"));

		// a rejected request changes nothing
		String second = ask(locked, "{\"indicator\":\"MZ-0004\",\"value\":\"20\",\"reason\":\"再改\"}", "village")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long rejected = ((Number) JsonPath.read(second, "$.id")).longValue();
		var issuer = user(this.accounts.loadUserByUsername("issuer"));
		this.mvc.perform(get("/catalogue/corrections").with(issuer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/catalogue/corrections/" + rejected + "/decision")));
		this.mvc
			.perform(post("/catalogue/corrections/" + rejected + "/decision").param("approve", "false")
				.param("note", "无依据")
				.with(csrf())
				.with(issuer))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/catalogue/entry/" + locked).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.cells[0].value").value("13"));
		this.mvc.perform(get("/api/v1/catalogue/corrections").with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$[?(@.id == " + rejected + ")].status").value("REJECTED"));
		// the locked sheet's page offers the request form
		this.mvc.perform(get("/catalogue/entry/" + locked).with(user(this.accounts.loadUserByUsername("village"))))
			.andExpect(content().string(containsString("/catalogue/entry/" + locked + "/corrections")));
	}

	@Test
	void anApprovedCorrectionShowsInTheSummaryOfEnteredValues() throws Exception {
		// village A submitted 12 on a form now locked, ten minutes ago
		long locked = issuedForm("2045-06", China.today().minusDays(10), "MZ-0004");
		Timestamp before = Timestamp.from(Instant.now().minusSeconds(600));
		this.jdbc
			.sql("insert into catalogue_value (indicator_code, unit_code, period, value_text, version, demand_id,"
					+ " updated_by, updated_at) values ('MZ-0004', :unit, '2045-06', '12', 1, :id, 'village', :at)")
			.param("unit", VILLAGE_A)
			.param("id", locked)
			.param("at", before)
			.update();
		this.jdbc
			.sql("insert into catalogue_sheet (demand_id, unit_code, version, status, updated_by, updated_at,"
					+ " submitted_at) values (:id, :unit, 1, 'SUBMITTED', 'village', :at, :at)")
			.param("id", locked)
			.param("unit", VILLAGE_A)
			.param("at", before)
			.update();
		// the summary last looked at sheets before that submission
		Timestamp mark = Timestamp.from(Instant.now().minusSeconds(1200));
		if (this.jdbc.sql("update catalogue_summary_mark set seen_until = :at where id = 1")
			.param("at", mark)
			.update() == 0) {
			this.jdbc.sql("insert into catalogue_summary_mark (id, seen_until) values (1, :at)")
				.param("at", mark)
				.update();
		}
		var summary = get("/api/v1/catalogue/summary").param("indicator", "MZ-0004")
			.param("period", "2045-06")
			.param("under", "500151001000")
			.with(httpBasic("issuer", "jianfu-demo"));
		this.mvc.perform(summary)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].unitCode").value("500151001000"))
			.andExpect(jsonPath("$[0].total").value("12"));
		String body = ask(locked, "{\"indicator\":\"MZ-0004\",\"value\":\"13\",\"reason\":\"漏报一户\"}", "village")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		decide(((Number) JsonPath.read(body, "$.id")).longValue(), "{\"approve\":true}", "issuer")
			.andExpect(status().isOk());
		// the approved value is counted at the next read, though the sheet was submitted
		// long before the summary's last look
		this.mvc.perform(summary).andExpect(jsonPath("$[0].total").value("13"));
	}

}
