package cn.jianfu.catalogue;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.jianfu.DatabaseTest;

/**
 * The data-entry flow: an issued form reaches a village pre-filled, the village enters
 * the rest and submits, the county sees the roll-up with completeness, a department pulls
 * the values; stale versions, bad values and locked periods are refused.
 */
@DatabaseTest
@AutoConfigureMockMvc
class EntryFlowTests {

	static final String VILLAGE_A = "500151001001";

	static final String VILLAGE_B = "500151001002";

	static final String COUNTY = "500151000000";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	/**
	 * An issued form of the county's civil affairs bureau, as the gate's issue event
	 * leaves it: 低保户数 (integer, sum), 特困人员数 and 户籍人口数 for the villages of 巴川街道.
	 */
	long issuedForm(String title, String period, LocalDate deadline, String... codes) {
		return EntryForms.issued(this.jdbc, 900_000, title, period, deadline, 5, EntryForms.TOWNSHIP,
				List.of(VILLAGE_A, VILLAGE_B), codes);
	}

	void held(String code, String unit, String period, String value) {
		EntryForms.held(this.jdbc, code, unit, period, value, "test");
	}

	MockHttpServletRequestBuilder save(long id, String json) {
		return put("/api/v1/catalogue/entry/" + id).contentType(MediaType.APPLICATION_JSON).content(json).with(csrf());
	}

	@Test
	void aFormReachesTheVillagePrefilledTheVillageSubmitsTheCountyRollsUpADepartmentPulls() throws Exception {
		long id = issuedForm("填报测试：低保月报", "2039-05", China.today().plusDays(10), "MZ-0004", "MZ-0009");
		held("MZ-0004", VILLAGE_A, "2039-05", "12");
		held("MZ-0009", VILLAGE_A, "2039-04", "30");

		this.mvc.perform(get("/api/v1/catalogue/entry").with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.demandId == " + id + ")].status").value("OPEN"));
		// 低保户数 is held for this period; 农村低保人数 (a stock figure, no 本月/累计) offers
		// the last period's value to confirm
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.cells[0].code").value("MZ-0004"))
			.andExpect(jsonPath("$.cells[0].value").value("12"))
			.andExpect(jsonPath("$.cells[0].source").value("CATALOGUE"))
			.andExpect(jsonPath("$.cells[1].code").value("MZ-0009"))
			.andExpect(jsonPath("$.cells[1].value").value("30"))
			.andExpect(jsonPath("$.cells[1].source").value("LAST_PERIOD"));

		// a draft, then submitting without the missing figure is refused naming the field
		this.mvc.perform(save(id, "{\"version\":0,\"values\":{}}").with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		this.mvc
			.perform(
					save(id, "{\"version\":1,\"values\":{},\"submit\":true}").with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalogue.entry.missing"))
			.andExpect(jsonPath("$.message_zh").value(org.hamcrest.Matchers.containsString("农村低保人数")));
		this.mvc
			.perform(save(id, "{\"version\":1,\"values\":{\"MZ-0009\":\"31\"},\"submit\":true}")
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.cells[1].source").value("CATALOGUE"));
		assertThat(this.jdbc.sql("select count(*) from audit_event where event_type = 'catalogue.sheet-submitted'")
			.query(Long.class)
			.single()).isPositive();

		// the county's department sees the roll-up: one of two villages submitted, on
		// time
		this.mvc.perform(get("/api/v1/catalogue/forms/" + id + "/rollup").with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nodes[0].code").value(COUNTY))
			.andExpect(jsonPath("$.nodes[0].expected").value(2))
			.andExpect(jsonPath("$.nodes[0].submitted").value(1))
			.andExpect(jsonPath("$.nodes[0].onTime").value(1))
			.andExpect(jsonPath("$.nodes[0].values['MZ-0004']").value("12"))
			.andExpect(jsonPath("$.nodes[0].values['MZ-0009']").value("31"))
			.andExpect(jsonPath("$.nodes[1].code").value("500151001000"))
			.andExpect(jsonPath("$.nodes[2].code").value(VILLAGE_A));
		String csv = this.mvc
			.perform(get("/api/v1/catalogue/forms/" + id + "/rollup.csv").with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("单位代码,单位,层级,应报,已报,按时").contains(VILLAGE_A + ",东方社区,5,1,1,1,12,31");
		this.mvc
			.perform(get("/api/v1/catalogue/forms/" + id + "/dataValueSets").with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dataValues[?(@.dataElement == 'MZ-0009')].period").value("203905"))
			.andExpect(jsonPath("$.dataValues[?(@.dataElement == 'MZ-0009')].orgUnit").value(VILLAGE_A))
			.andExpect(jsonPath("$.dataValues[?(@.dataElement == 'MZ-0009')].value").value("31"));
		// another county's issuer and a village do not see the roll-up
		this.mvc
			.perform(get("/api/v1/catalogue/forms/" + id + "/rollup").with(httpBasic("kaizhou.issuer", "jianfu-demo")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/catalogue/forms/" + id + "/rollup").with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isNotFound());

		// a department pulls the submitted values within its scope instead of asking
		// again
		this.mvc
			.perform(get("/api/v1/catalogue/values").param("indicator", "MZ-0009")
				.param("period", "2039-05")
				.param("under", "500151001000")
				.with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].unitCode").value(VILLAGE_A))
			.andExpect(jsonPath("$[0].value").value("31"));
		this.mvc
			.perform(get("/api/v1/catalogue/values").param("indicator", "MZ-0009")
				.param("period", "2039-05")
				.with(httpBasic("kaizhou.issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"));

		// every value keeps its versions
		this.mvc
			.perform(save(id, "{\"version\":2,\"values\":{\"MZ-0009\":\"32\"}}")
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
		assertThat(this.jdbc
			.sql("select value_text from catalogue_value_version where indicator_code = 'MZ-0009' and unit_code = :unit"
					+ " and period = '2039-05' order by version")
			.param("unit", VILLAGE_A)
			.query(String.class)
			.list()).containsExactly("31", "32");
	}

	@Test
	void thePagesShowTheSheetAndKeepWhatWasEnteredWhenASaveIsRefused() throws Exception {
		long id = issuedForm("填报测试：页面", "2039-10", China.today().plusDays(10), "MZ-0004");
		this.mvc
			.perform(get("/catalogue/entry")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("village"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("填报测试：页面")));
		this.mvc
			.perform(post("/catalogue/entry/" + id).param("version", "0")
				.param("action", "submit")
				.param("v.MZ-0004", "十二户")
				.with(csrf())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("village"))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"十二户\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("须为非负整数")));
		this.mvc
			.perform(post("/catalogue/entry/" + id).param("version", "0")
				.param("action", "submit")
				.param("v.MZ-0004", "12")
				.with(csrf())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("village"))))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(get("/catalogue/forms/" + id + "/rollup")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("issuer"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("东方社区")));
	}

	@Test
	void aStaleVersionGets409AndWritesNothing() throws Exception {
		long id = issuedForm("填报测试：并发", "2039-06", China.today().plusDays(10), "MZ-0004");
		this.mvc
			.perform(save(id, "{\"version\":0,\"values\":{\"MZ-0004\":\"5\"}}")
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isOk());
		this.mvc
			.perform(save(id, "{\"version\":0,\"values\":{\"MZ-0004\":\"6\"}}")
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalogue.entry.stale"));
		this.mvc
			.perform(save(id, "{\"version\":7,\"values\":{\"MZ-0004\":\"6\"}}")
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.cells[0].value").value("5"));
	}

	@Test
	void badValuesAreRefusedNamingTheFieldInBothLanguages() throws Exception {
		long id = issuedForm("填报测试：校验", "2039-07", China.today().plusDays(10), "MZ-0004");
		for (String bad : new String[] { "-1", "1.5", "十二", "99999999999999999", "" + "1e3" }) {
			this.mvc
				.perform(save(id, "{\"version\":0,\"values\":{\"MZ-0004\":\"" + bad + "\"}}")
					.with(httpBasic("village", "jianfu-demo")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("catalogue.entry.integer"))
				.andExpect(jsonPath("$.message_zh").value(org.hamcrest.Matchers.containsString("低保户数")))
				.andExpect(jsonPath("$.message_en").value(org.hamcrest.Matchers.containsString(bad)));
		}
		this.mvc
			.perform(save(id, "{\"version\":0,\"values\":{\"XX-9999\":\"1\"}}")
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalogue.entry.unknown-field"));
		// nothing was written by the refused saves
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.version").value(0));
		// a unit that is not a recipient does not see the form
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("township", "jianfu-demo")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPeriodLocksAfterTheDeadlineAndGraceDays() throws Exception {
		long open = issuedForm("填报测试：宽限期内", "2039-08", China.today().minusDays(3), "MZ-0004");
		this.mvc
			.perform(save(open, "{\"version\":0,\"values\":{\"MZ-0004\":\"3\"}}")
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isOk());
		long locked = issuedForm("填报测试：已锁定", "2039-09", China.today().minusDays(4), "MZ-0004");
		this.mvc.perform(get("/api/v1/catalogue/entry/" + locked).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.locked").value(true));
		this.mvc
			.perform(save(locked, "{\"version\":0,\"values\":{\"MZ-0004\":\"3\"}}")
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("catalogue.entry.locked"));

		// the county's own rulebook gives 5 grace days: the same period is open again for
		// its villages
		this.mvc
			.perform(post("/rulebook/overrides").with(csrf())
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("gatekeeper")))
				.param("key", "catalogue.entry.grace-days")
				.param("value", "5")
				.param("reason", "汛期报表多，宽限五天"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flash", "rulebook.overridden-flash"));
		try {
			this.mvc.perform(get("/api/v1/catalogue/entry/" + locked).with(httpBasic("village", "jianfu-demo")))
				.andExpect(jsonPath("$.locked").value(false));
			this.mvc
				.perform(save(locked, "{\"version\":0,\"values\":{\"MZ-0004\":\"3\"}}")
					.with(httpBasic("village", "jianfu-demo")))
				.andExpect(status().isOk());
		}
		finally {
			this.mvc
				.perform(post("/rulebook/overrides/clear").with(csrf())
					.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
						.user(this.accounts.loadUserByUsername("gatekeeper")))
					.param("key", "catalogue.entry.grace-days"))
				.andExpect(status().is3xxRedirection());
		}
	}

}
