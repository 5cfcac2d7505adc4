package cn.jianfu.org.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The units pages as a township sees them: its own subtree only, whole pages or htmx
 * fragments.
 */
@DatabaseTest
@AutoConfigureMockMvc
@WithUserDetails("township")
class UnitPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void unitsGoesToTheViewersOwnUnit() throws Exception {
		this.mvc.perform(get("/units")).andExpect(redirectedUrl("/units/500151001000"));
	}

	@Test
	void showsTheUnitWithItsChildrenAndDepartmentsButNoExpandForVillages() throws Exception {
		this.mvc.perform(get("/units/500151001000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"zh-CN\"")))
			.andExpect(content().string(containsString("东方社区")))
			.andExpect(content().string(containsString("党政办公室")))
			.andExpect(content().string(containsString("href=\"/units/500151001001\"")))
			.andExpect(content().string(not(containsString("hx-get=\"/units/500151001001\""))));
	}

	@Test
	void answersHtmxWithTheChildrenFragmentOnly() throws Exception {
		this.mvc.perform(get("/units/500151001000").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("东方社区")))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(not(containsString("党政办公室"))));
	}

	@Test
	void aUnitOutsideTheScopeIsNotFound() throws Exception {
		this.mvc.perform(get("/units/500154000000")).andExpect(status().isNotFound());
	}

	@Test
	void searchesByNameAndLevelWithinTheScope() throws Exception {
		this.mvc.perform(get("/units").param("q", "社区").param("level", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("东方社区")))
			.andExpect(content().string(not(containsString("开州"))));
	}

	@Test
	void speaksEnglishWhenAsked() throws Exception {
		this.mvc.perform(get("/units/500151001000").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"en\"")))
			.andExpect(content().string(containsString("Units below (")));
	}

}
