package cn.jianfu.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hankcs.hanlp.HanLP;

import cn.jianfu.DatabaseTest;

/**
 * The issue's "done": real documents of every kind, in every format, parse into their
 * elements and relate correctly through the API — a numbered county directive (DOCX), a
 * white-header note that sets tasks (a web page with navigation and hidden keyword
 * blocks), the directive again as DOC and OFD, a township document forwarding the
 * directive with its own text (PDF with a Chinese text layer), a bundle of two (GB18030
 * text), the directive re-issued a year later (Big5, Traditional) and a news item.
 */
@DatabaseTest
@AutoConfigureMockMvc
class RealDocumentsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	final ObjectMapper json = new ObjectMapper();

	static final Charset GB18030 = Charset.forName("GB18030");

	static final Charset BIG5 = Charset.forName("Big5");

	ResultActions post(String path, String username, String name, byte[] content) throws Exception {
		return this.mvc.perform(multipart(path).file(new MockMultipartFile("file", name, null, content))
			.with(user(this.accounts.loadUserByUsername(username))));
	}

	long register(String username, String name, byte[] content) throws Exception {
		String body = post("/api/v1/documents", username, name, content).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return ((Number) this.json.readValue(body, Map.class).get("id")).longValue();
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> related(String username, String name, byte[] content) throws Exception {
		String body = post("/api/v1/documents/related", username, name, content).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return this.json.readValue(body, List.class);
	}

	static Map<String, Object> entry(List<Map<String, Object>> related, long id) {
		return related.stream().filter(r -> ((Number) r.get("id")).longValue() == id).findFirst().orElse(null);
	}

	static double number(Map<String, Object> entry, String key) {
		return ((Number) entry.get(key)).doubleValue();
	}

	static void bestFirst(List<Map<String, Object>> related) {
		for (int i = 1; i < related.size(); i++) {
			double before = Math.max(number(related.get(i - 1), "jaccard"), number(related.get(i - 1), "containment"));
			double after = Math.max(number(related.get(i), "jaccard"), number(related.get(i), "containment"));
			assertThat(before).as("best first at %d", i).isGreaterThanOrEqualTo(after);
		}
	}

	static byte[] big5Traditional(String simplified) {
		// HanLP writes the variants 爲 羣 衆, which Big5 lacks; Big5 texts use 為 群 眾.
		String traditional = HanLP.convertToTraditionalChinese(simplified)
			.replace('爲', '為')
			.replace('羣', '群')
			.replace('衆', '眾');
		assertThat(BIG5.newEncoder().canEncode(traditional)).as("the Traditional text fits Big5").isTrue();
		return traditional.getBytes(BIG5);
	}

	@Test
	void everyKindInEveryFormatParsesIntoItsElements() throws Exception {
		post("/api/v1/documents/parse", "village", "铜府办发〔2026〕31号.docx", Samples.docx(RealDocuments.DIRECTIVE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("docx"))
			.andExpect(jsonPath("$.docNumber").value("铜府办发〔2026〕31号"))
			.andExpect(jsonPath("$.issuer").value("重庆市铜梁区人民政府办公室"))
			.andExpect(jsonPath("$.title").value("重庆市铜梁区人民政府办公室关于开展2026年度城乡居民医疗保险集中参保工作的通知"))
			.andExpect(jsonPath("$.date").value("2026-08-20"))
			.andExpect(jsonPath("$.recipients").value(org.hamcrest.Matchers.contains("各镇人民政府", "街道办事处", "区政府有关部门")))
			.andExpect(jsonPath("$.kind").value("numbered"))
			.andExpect(jsonPath("$.directive").value(true))
			.andExpect(jsonPath("$.attachments[1]").value("资助参保对象名册"))
			.andExpect(jsonPath("$.copyTo[0]").value("区委办公室"))
			.andExpect(jsonPath("$.citedNumbers[0]").value("渝府办发〔2025〕88号"));

		post("/api/v1/documents/parse", "village", "防汛通知.html",
				RealDocuments.NOTE_HTML.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("html"))
			.andExpect(jsonPath("$.docNumber").doesNotExist())
			.andExpect(jsonPath("$.title").value("关于报送2026年度防汛备汛工作情况的通知"))
			.andExpect(jsonPath("$.issuer").value("重庆市铜梁区应急管理局"))
			.andExpect(jsonPath("$.date").value("2026-04-28"))
			.andExpect(jsonPath("$.recipients[0]").value("各镇人民政府"))
			.andExpect(jsonPath("$.kind").value("note"))
			.andExpect(jsonPath("$.directive").value(true))
			.andExpect(jsonPath("$.text", not(containsString("首页"))))
			.andExpect(jsonPath("$.text", not(containsString("参保"))))
			.andExpect(jsonPath("$.text", not(containsString("版权所有"))));

		post("/api/v1/documents/parse", "village", "巴川办发〔2026〕45号.pdf", RealDocuments.pdf(RealDocuments.FORWARDING))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("pdf"))
			.andExpect(jsonPath("$.docNumber").value("巴川办发〔2026〕45号"))
			.andExpect(jsonPath("$.issuer").value("重庆市铜梁区巴川街道办事处"))
			.andExpect(jsonPath("$.title", containsString("关于转发《关于开展2026年度城乡居民医疗保险集中参保工作的通知》的通知")))
			.andExpect(jsonPath("$.date").value("2026-08-26"))
			.andExpect(jsonPath("$.recipients[0]").value("各村（社区）"))
			.andExpect(jsonPath("$.kind").value("numbered"))
			.andExpect(jsonPath("$.relays").value(true))
			.andExpect(jsonPath("$.directive").value(true))
			.andExpect(jsonPath("$.citedNumbers", org.hamcrest.Matchers.hasItem("铜府办发〔2026〕31号")));

		post("/api/v1/documents/parse", "village", "民生重点工作.txt", RealDocuments.BUNDLE.getBytes(GB18030))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.charset").value("GB18030"))
			.andExpect(jsonPath("$.docNumber").value("铜府办发〔2026〕40号"))
			.andExpect(jsonPath("$.date").value("2026-09-01"))
			.andExpect(jsonPath("$.kind").value("numbered"));

		post("/api/v1/documents/parse", "village", "銅府辦發〔2027〕29號.txt", big5Traditional(RealDocuments.REISSUE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.charset").value("Big5"))
			.andExpect(jsonPath("$.traditional").value(true))
			.andExpect(jsonPath("$.docNumber").value("铜府办发〔2027〕29号"))
			.andExpect(jsonPath("$.issuer").value("重庆市铜梁区人民政府办公室"))
			.andExpect(jsonPath("$.title").value("重庆市铜梁区人民政府办公室关于开展2027年度城乡居民医疗保险集中参保工作的通知"))
			.andExpect(jsonPath("$.date").value("2027-08-18"))
			.andExpect(jsonPath("$.text", containsString("城乡居民基本医疗保险集中参保")));

		post("/api/v1/documents/parse", "village", "新闻.txt", RealDocuments.NEWS.getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.docNumber").doesNotExist())
			.andExpect(jsonPath("$.recipients").isEmpty())
			.andExpect(jsonPath("$.kind").value("other"));
	}

	@Test
	void everyKindRelatesToTheOthersBestFirst() throws Exception {
		long directive = register("issuer", "铜府办发〔2026〕31号.docx", Samples.docx(RealDocuments.DIRECTIVE));
		long note = register("issuer", "防汛通知.htm", RealDocuments.NOTE_HTML.getBytes(StandardCharsets.UTF_8));

		// The township's forwarding document holds the whole directive, plus 0.8× its own
		// text.
		List<Map<String, Object>> forwarding = related("township", "巴川办发〔2026〕45号.pdf",
				RealDocuments.pdf(RealDocuments.FORWARDING));
		Map<String, Object> parent = entry(forwarding, directive);
		assertThat(parent).isNotNull();
		assertThat(parent.get("relation")).isEqualTo("contains");
		assertThat(number(parent, "containment")).isGreaterThanOrEqualTo(0.95);
		assertThat(number(parent, "jaccard")).isBetween(0.3, 0.75);
		assertThat(forwarding.get(0).get("id")).isEqualTo(parent.get("id"));
		assertThat(entry(forwarding, note)).isNull();
		bestFirst(forwarding);
		long township = register("township", "巴川办发〔2026〕45号.pdf", RealDocuments.pdf(RealDocuments.FORWARDING));

		// The directive, asked about again, is contained in the township's document; the
		// note's hidden copy of the directive was not indexed.
		List<Map<String, Object>> again = related("village", "directive.doc",
				Samples.doc(RealDocuments.DIRECTIVE, false));
		assertThat(entry(again, township).get("relation")).isEqualTo("contained");
		assertThat(number(entry(again, township), "containment")).isGreaterThanOrEqualTo(0.95);
		assertThat(entry(again, note)).isNull();
		bestFirst(again);

		// The same directive as an OFD is a near-duplicate of the registered DOCX.
		List<Map<String, Object>> ofd = related("village", "directive.ofd",
				DocumentFormatsTests.ofd(RealDocuments.DIRECTIVE, true));
		assertThat(entry(ofd, directive).get("relation")).isEqualTo("near-duplicate");
		assertThat(number(entry(ofd, directive), "jaccard")).isGreaterThanOrEqualTo(0.95);

		// One county document bundling the directive and the note.
		List<Map<String, Object>> bundle = related("issuer", "民生重点工作.txt", RealDocuments.BUNDLE.getBytes(GB18030));
		assertThat(entry(bundle, directive).get("relation")).isEqualTo("bundles");
		assertThat(number(entry(bundle, directive), "containment")).isBetween(0.7, 1.0);
		assertThat(entry(bundle, note).get("relation")).isEqualTo("bundles");
		assertThat(number(entry(bundle, note), "containment")).isBetween(0.7, 1.0);
		bestFirst(bundle);

		// The directive re-issued for 2027, in Traditional characters and Big5.
		List<Map<String, Object>> reissue = related("issuer", "2027.txt", big5Traditional(RealDocuments.REISSUE));
		assertThat(entry(reissue, directive).get("relation")).isEqualTo("reissue");
		assertThat(number(entry(reissue, directive), "jaccard")).isBetween(0.5, 0.99);
		assertThat(reissue.get(0).get("id")).isEqualTo(entry(reissue, directive).get("id"));
		bestFirst(reissue);

		// A news item on the same topic is related to none of them.
		List<Map<String, Object>> news = related("village", "news.txt",
				RealDocuments.NEWS.getBytes(StandardCharsets.UTF_8));
		assertThat(entry(news, directive)).isNull();
		assertThat(entry(news, note)).isNull();
		assertThat(entry(news, township)).isNull();
	}

}
