package cn.jianfu.documents.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.jianfu.DatabaseTest;

/**
 * A document file becomes a gate draft: the body is the normalised text (the web page's
 * navigation and hidden keyword blocks are gone), a white-header note is drafted as a
 * note of kind DOCUMENT, so it counts against the document quota, and the details carry
 * the normalised length the gate's length rule counts.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DocumentDraftTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	final ObjectMapper json = new ObjectMapper();

	@Test
	@SuppressWarnings("unchecked")
	void draftsANoteFromAWebPageWithItsNormalisedText() throws Exception {
		String answer = this.mvc
			.perform(multipart("/api/v1/documents/drafts")
				.file(new MockMultipartFile("file", "防汛通知.html", "text/html",
						RealDocuments.NOTE_HTML.getBytes(StandardCharsets.UTF_8)))
				.param("dueDate", "2026-12-31")
				.param("recipientUnitCodes", "500151001000")
				.with(user(this.accounts.loadUserByUsername("issuer"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("note"))
			.andExpect(jsonPath("$.directive").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Map<String, Object> parsed = this.json.readValue(answer, Map.class);
		long id = ((Number) parsed.get("demandId")).longValue();
		int length = ((Number) parsed.get("length")).intValue();
		this.mvc.perform(get("/api/v1/demands/" + id).with(user(this.accounts.loadUserByUsername("issuer"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("DOCUMENT"))
			.andExpect(jsonPath("$.note").value(true))
			.andExpect(jsonPath("$.title").value("关于报送2026年度防汛备汛工作情况的通知"))
			.andExpect(jsonPath("$.body", containsString("请于2026年5月10日前")))
			.andExpect(jsonPath("$.body", not(containsString("首页"))))
			.andExpect(jsonPath("$.body", not(containsString("参保"))))
			.andExpect(jsonPath("$.details['document.length']").value(Integer.toString(length)))
			.andExpect(jsonPath("$.details['document.length.body']").value(Integer.toString(length)))
			.andExpect(jsonPath("$.details['document.kind']").value("note"));
	}

	@Test
	void refusesWhatTheGateRefusesAndBadFiles() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/documents/drafts")
				.file(new MockMultipartFile("file", "a.docx", null, Samples.docx(RealDocuments.DIRECTIVE)))
				.param("recipientUnitCodes", "500151001000")
				.with(user(this.accounts.loadUserByUsername("issuer"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("demand.due-date"));
		this.mvc
			.perform(multipart("/api/v1/documents/drafts")
				.file(new MockMultipartFile("file", "a.txt", null, new byte[0]))
				.param("dueDate", "2026-12-31")
				.param("recipientUnitCodes", "500151001000")
				.with(user(this.accounts.loadUserByUsername("issuer"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("document.empty"));
		this.mvc
			.perform(multipart("/api/v1/documents/drafts")
				.file(new MockMultipartFile("file", "a.docx", null, Samples.docx(RealDocuments.DIRECTIVE)))
				.param("dueDate", "2026-12-31")
				.param("recipientUnitCodes", "500151001000")
				.with(user(this.accounts.loadUserByUsername("village"))))
			.andExpect(status().isForbidden());
	}

}
