package cn.jianfu.catalogue;

import cn.jianfu.China;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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

import cn.jianfu.DatabaseTest;

/**
 * A township's sheet of a form also addressed to its villages is pre-filled with the sum
 * (or mean) of what its villages submitted, saying how many of them reported.
 */
@DatabaseTest
@AutoConfigureMockMvc
class EntryLowerUnitsTests {

	static final String TOWNSHIP = "500151001000";

	static final String VILLAGE_A = "500151001001";

	static final String VILLAGE_B = "500151001002";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	long issuedForm(String period, String... codes) {
		return EntryForms.issued(this.jdbc, 930_000, "下级汇总测试", period, China.today().plusDays(10), 4, EntryForms.COUNTY,
				List.of(TOWNSHIP, VILLAGE_A, VILLAGE_B), codes);
	}

	/** Village B's sheet as it would be after its own entry (it has no demo account). */
	void villageB(long id, String period, String status, String... codeValues) {
		this.jdbc
			.sql("insert into catalogue_sheet (demand_id, unit_code, version, status, updated_by, updated_at,"
					+ " submitted_at) values (:id, :unit, 1, :status, 'test', :now, :now)")
			.param("id", id)
			.param("unit", VILLAGE_B)
			.param("status", status)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		for (int i = 0; i < codeValues.length; i += 2) {
			this.jdbc
				.sql("insert into catalogue_value (indicator_code, unit_code, period, value_text, version, demand_id,"
						+ " updated_by, updated_at) values (:code, :unit, :period, :value, 1, :id, 'test', :now)")
				.param("code", codeValues[i])
				.param("unit", VILLAGE_B)
				.param("period", period)
				.param("value", codeValues[i + 1])
				.param("id", id)
				.param("now", Timestamp.from(Instant.now()))
				.update();
		}
	}

	@Test
	void aTownshipsSheetSumsWhatItsVillagesSubmitted() throws Exception {
		// 低保户数 sums, 城镇居民人均可支配收入 averages, 特困人员数 is not aggregated here
		// because no village has submitted it
		long id = issuedForm("2043-05", "MZ-0004", "TJ-0012", "MZ-0012");
		// village B saved a draft only: not counted
		villageB(id, "2043-05", "DRAFT", "MZ-0004", "5", "TJ-0012", "30000");
		this.mvc
			.perform(put("/api/v1/catalogue/entry/" + id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"values\":{\"MZ-0004\":\"12\",\"TJ-0012\":\"20000.5\"},\"submit\":false}")
				.with(csrf())
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isOk());
		// a draft of village A is not counted either
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("township", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cells[0].source").value("NONE"));
		this.mvc
			.perform(put("/api/v1/catalogue/entry/" + id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":1,\"values\":{\"MZ-0012\":\"1\"},\"submit\":true}")
				.with(csrf())
				.with(httpBasic("village", "jianfu-demo")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("township", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cells[0].source").value("LOWER_UNITS"))
			.andExpect(jsonPath("$.cells[0].value").value("12"))
			.andExpect(jsonPath("$.cells[0].lowerReported").value(1))
			.andExpect(jsonPath("$.cells[0].lowerExpected").value(2))
			.andExpect(jsonPath("$.cells[1].value").value("20000.5"));

		// village B submits: the township sees both
		this.jdbc.sql("update catalogue_sheet set status = 'SUBMITTED' where demand_id = :id and unit_code = :unit")
			.param("id", id)
			.param("unit", VILLAGE_B)
			.update();
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("township", "jianfu-demo")))
			.andExpect(jsonPath("$.cells[0].value").value("17"))
			.andExpect(jsonPath("$.cells[0].lowerReported").value(2))
			.andExpect(jsonPath("$.cells[1].source").value("LOWER_UNITS"))
			.andExpect(jsonPath("$.cells[1].value").value("25000.25"))
			.andExpect(jsonPath("$.cells[2].source").value("LOWER_UNITS"))
			.andExpect(jsonPath("$.cells[2].value").value("1"))
			.andExpect(jsonPath("$.cells[2].lowerReported").value(1));
		this.mvc
			.perform(get("/catalogue/entry/" + id)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("township"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 个下级单位中 2 个已报")));
		// a village's own sheet is not summed from anything
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.cells[0].source").value("CATALOGUE"));
	}

}
