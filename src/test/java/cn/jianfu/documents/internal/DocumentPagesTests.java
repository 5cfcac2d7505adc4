package cn.jianfu.documents.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;

/**
 * The search page finds the demo notice with highlighted words for the units that may see
 * it and not for another county; the document page shows its elements and that the street
 * office's notice forwards it.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DocumentPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	org.springframework.test.web.servlet.request.RequestPostProcessor as(String username) {
		return user(this.accounts.loadUserByUsername(username));
	}

	@Test
	void searchHighlightsMatchesWithinScope() throws Exception {
		this.mvc.perform(get("/documents").param("q", "社会救助专项检查").with(as("village")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<mark>")))
			.andExpect(content().string(containsString("铜民发〔2025〕12号")));
		this.mvc.perform(get("/documents").param("q", "社会救助专项检查").with(as("kaizhou.issuer")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("铜民发〔2025〕12号"))));
	}

	@Test
	void documentPageShowsElementsAndTheForwardingNotice() throws Exception {
		this.mvc.perform(get("/documents/view").param("number", "铜民发[2025]12号").with(as("issuer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("重庆市铜梁区民政局关于开展2025年度社会救助专项检查的通知")))
			.andExpect(content().string(containsString("被该文件包含")));
		this.mvc.perform(get("/documents/view").param("number", "铜民发〔2025〕12号").with(as("kaizhou.issuer")))
			.andExpect(status().isNotFound());
	}

}
