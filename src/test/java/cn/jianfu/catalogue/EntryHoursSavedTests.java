package cn.jianfu.catalogue;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;

/**
 * Values Jianfu filled in and the unit confirmed count as hours saved in the ledger, once
 * per sheet, shown beside the hours demanded.
 */
@DatabaseTest
@AutoConfigureMockMvc
class EntryHoursSavedTests {

	static final String VILLAGE_A = "500151001001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	long issuedForm(String period, String... codes) {
		return EntryForms.issued(this.jdbc, 920_000, "节省用时测试", period, China.today().plusDays(10), 5,
				EntryForms.TOWNSHIP, List.of(VILLAGE_A), codes);
	}

	void held(String code, String period, String value) {
		EntryForms.held(this.jdbc, code, VILLAGE_A, period, value, "test");
	}

	void save(long id, String json, int status) throws Exception {
		this.mvc
			.perform(put("/api/v1/catalogue/entry/" + id).contentType(MediaType.APPLICATION_JSON)
				.content(json)
				.with(csrf())
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().is(status));
	}

	BigDecimal saved(long id) {
		return this.jdbc.sql("select coalesce(sum(hours), 0) from ledger_hours_saved where demand_id = :id")
			.param("id", id)
			.query(BigDecimal.class)
			.single();
	}

	@Test
	void confirmedPrefilledValuesCountAsHoursSavedOncePerSheet() throws Exception {
		// 低保户数 held for the period, 农村低保人数 and 低保人数 offered from last period,
		// 特困人员数 not known
		long id = issuedForm("2042-05", "MZ-0004", "MZ-0009", "MZ-0007", "MZ-0012");
		held("MZ-0004", "2042-05", "12");
		held("MZ-0009", "2042-04", "30");
		held("MZ-0007", "2042-04", "70");
		// a draft keeps the offered 30, then the submission corrects 70 to 71: two
		// pre-filled values confirmed (12 and 30), one corrected, one entered
		save(id, "{\"version\":0,\"values\":{\"MZ-0009\":\"30\"}}", 200);
		assertThat(saved(id)).isZero();
		save(id, "{\"version\":1,\"values\":{\"MZ-0007\":\"71\",\"MZ-0012\":\"4\"},\"submit\":true}", 200);
		// (6 − 1) min × 2 fields × 1 person = 10 min
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> saved(id).signum() > 0);
		assertThat(saved(id)).isEqualByComparingTo("0.17");
		assertThat(this.jdbc.sql("select fields from ledger_hours_saved where demand_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(2);

		// a later save of the submitted sheet adds nothing
		save(id, "{\"version\":2,\"values\":{\"MZ-0012\":\"5\"},\"submit\":true}", 200);
		Thread.sleep(500);
		assertThat(this.jdbc.sql("select count(*) from ledger_hours_saved where demand_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the ledger shows the hours saved beside the hours demanded, page and API
		BigDecimal ofVillage = this.jdbc
			.sql("select coalesce(sum(hours), 0) from ledger_hours_saved where unit_code = :unit")
			.param("unit", VILLAGE_A)
			.query(BigDecimal.class)
			.single();
		assertThat(ofVillage).isGreaterThanOrEqualTo(new BigDecimal("0.17"));
		String year = String.valueOf(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear());
		this.mvc
			.perform(get("/ledger").param("year", year)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("gatekeeper"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("下达事项估算用时")))
			.andExpect(content().string(containsString("填报时预填数据节省用时")));
		this.mvc
			.perform(get("/api/v1/ledger/units/" + VILLAGE_A).param("year", year)
				.with(httpBasic("gatekeeper", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.hours.saved").value(ofVillage.doubleValue()))
			.andExpect(jsonPath("$.hours.demanded").exists());
	}

}
