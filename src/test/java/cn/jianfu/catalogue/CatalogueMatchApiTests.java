package cn.jianfu.catalogue;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;

@DatabaseTest
@AutoConfigureMockMvc
class CatalogueMatchApiTests {

	@Autowired
	MockMvc mvc;

	@Test
	void matchReturnsADecisionAndRankedCandidatesPerName() throws Exception {
		this.mvc
			.perform(post("/api/v1/catalogue/match").contentType(MediaType.APPLICATION_JSON)
				.content("{\"names\":[\"户籍人口总数（人）\",\"网格员巡查次数\",\"农村低保总人数\"]}")
				.with(httpBasic("issuer", "jianfu-demo"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].decision").value("match"))
			.andExpect(jsonPath("$.results[0].candidates[0].code").value("GA-0001"))
			.andExpect(jsonPath("$.results[0].candidates[0].name").value("户籍人口数"))
			.andExpect(jsonPath("$.results[0].candidates[0].score").value(1.0))
			.andExpect(jsonPath("$.results[0].candidates[0].reason").exists())
			.andExpect(jsonPath("$.results[1].decision").value("new"))
			.andExpect(jsonPath("$.results[2].decision").value("match"))
			.andExpect(jsonPath("$.results[2].candidates[0].code").value("MZ-0009"));
	}

	@Test
	void emptyOrOverlongNamesAreRefused() throws Exception {
		this.mvc
			.perform(post("/api/v1/catalogue/match").contentType(MediaType.APPLICATION_JSON)
				.content("{\"names\":[\" \"]}")
				.with(httpBasic("issuer", "jianfu-demo"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalogue.bad-name"));
	}

}
