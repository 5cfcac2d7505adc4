package cn.jianfu.catalogue;

import cn.jianfu.China;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

import cn.jianfu.DatabaseTest;

/**
 * Warnings that do not stop a save: a value far from the unit's recent median; and the
 * cross-field rules of an indicator set (城市 + 农村 = 合计), a warning on a draft and a
 * refusal on submission.
 */
@DatabaseTest
@AutoConfigureMockMvc
class EntryChecksTests {

	static final String VILLAGE_A = "500151001001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	long issuedForm(String period, String... codes) {
		return EntryForms.issued(this.jdbc, 940_000, "校验测试", period, China.today().plusDays(10), 5, EntryForms.TOWNSHIP,
				List.of(VILLAGE_A), codes);
	}

	void held(String code, String period, String value) {
		EntryForms.held(this.jdbc, code, VILLAGE_A, period, value, "test");
	}

	ResultActions save(long id, String json) throws Exception {
		return this.mvc.perform(put("/api/v1/catalogue/entry/" + id).contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.with(csrf())
			.with(httpBasic("village", "jianfu-demo")));
	}

	@Test
	void aValueFarFromTheUnitsRecentMedianIsAWarningNotARefusal() throws Exception {
		// 特困人员数 of the last four months: median 10
		held("MZ-0012", "2044-01", "10");
		held("MZ-0012", "2044-02", "11");
		held("MZ-0012", "2044-03", "9");
		held("MZ-0012", "2044-04", "10");
		long id = issuedForm("2044-05", "MZ-0012");
		save(id, "{\"version\":0,\"values\":{\"MZ-0012\":\"25\"}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(0));
		save(id, "{\"version\":1,\"values\":{\"MZ-0012\":\"45\"},\"submit\":true}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.warnings[0].code").value("catalogue.entry.outlier"))
			.andExpect(jsonPath("$.warnings[0].previous[0]").value("10"))
			.andExpect(jsonPath("$.warnings[0].previous[2]").value("11"))
			.andExpect(jsonPath("$.warnings[0].messageZh").value(containsString("中位数 10")))
			.andExpect(jsonPath("$.warnings[0].messageEn").value(containsString("median 10")));
		// too small counts as well: less than a third of the median
		save(id, "{\"version\":2,\"values\":{\"MZ-0012\":\"3\"}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].code").value("catalogue.entry.outlier"));
		this.mvc
			.perform(get("/catalogue/entry/" + id)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("village"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请核对")))
			.andExpect(content().string(containsString("近期依次为：10、9、11、10")));
		// a unit with too short a history gets no warning
		long fresh = issuedForm("2044-06", "MZ-0003");
		held("MZ-0003", "2044-05", "2");
		save(fresh, "{\"version\":0,\"values\":{\"MZ-0003\":\"200\"}}").andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings.length()").value(0));
	}

	@Test
	void aTotalThatIsNotTheSumOfItsPartsIsAWarningOnADraftAndRefusedOnSubmission() throws Exception {
		// demo rule: 低保户数 = 城市低保户数 + 农村低保户数
		long id = issuedForm("2044-07", "MZ-0004", "MZ-0005", "MZ-0006");
		save(id, "{\"version\":0,\"values\":{\"MZ-0004\":\"10\",\"MZ-0005\":\"4\",\"MZ-0006\":\"5\"}}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[*].code").value(hasItem("catalogue.entry.cross-field")))
			.andExpect(jsonPath("$.warnings[*].messageZh").value(hasItem(containsString("城市低保户数 + 农村低保户数 之和为 9"))));
		save(id, "{\"version\":1,\"values\":{},\"submit\":true}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalogue.entry.cross-field"))
			.andExpect(jsonPath("$.message_zh").value(containsString("“低保户数”为 10")))
			.andExpect(jsonPath("$.message_en").value(containsString("add up to 9")));
		this.mvc.perform(get("/api/v1/catalogue/entry/" + id).with(httpBasic("village", "jianfu-demo")))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.version").value(1));
		save(id, "{\"version\":1,\"values\":{\"MZ-0004\":\"9\"},\"submit\":true}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.warnings.length()").value(0));
	}

}
