package cn.jianfu.documents.internal;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;

import cn.jianfu.DatabaseTest;

/**
 * The documents module's gate checks on real submissions: a duplicate of an issued demand
 * is blocked with its gate number, a township document that forwards the district's
 * without a requirement needs a justification, and so does bundling the issuer's own
 * issued documents.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DocumentChecksTests {

	static final String PASSWORD = "jianfu-demo";

	static final String BACHUAN = "500151001000";

	static final String VILLAGE = "500151001001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	final ObjectMapper json = new ObjectMapper();

	String demand(String title, String body, String recipient) throws Exception {
		Map<String, Object> demand = new LinkedHashMap<>();
		demand.put("kind", "DOCUMENT");
		demand.put("title", title);
		demand.put("body", body);
		demand.put("recipientUnitCodes", List.of(recipient));
		demand.put("dueDate", China.today().plusDays(40).toString());
		demand.put("legalBasis", "《社会救助暂行办法》");
		demand.put("field", "民政");
		return this.json.writeValueAsString(demand);
	}

	long create(String user, String title, String body, String recipient) throws Exception {
		String response = this.mvc
			.perform(post("/api/v1/demands").with(httpBasic(user, PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(demand(title, body, recipient)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(response, "$.id")).longValue();
	}

	String submit(String user, long id) throws Exception {
		return this.mvc.perform(post("/api/v1/demands/" + id + "/submit").with(httpBasic(user, PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * Creates, submits, justifies, approves and issues a demand; waits until it joined
	 * the corpus.
	 */
	String issue(String user, String title, String body, String recipient) throws Exception {
		long id = create(user, title, body, recipient);
		String verdict = submit(user, id);
		List<String> codes = JsonPath.read(verdict, "$.findings[?(@.severity == 'JUSTIFY')].code");
		assertThat((List<String>) JsonPath.read(verdict, "$.findings[?(@.severity == 'BLOCK')].code")).isEmpty();
		if (!codes.isEmpty()) {
			Map<String, String> answers = new LinkedHashMap<>();
			codes.forEach(c -> answers.put(c, "确有必要"));
			this.mvc
				.perform(post("/api/v1/demands/" + id + "/justifications").with(httpBasic(user, PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content(this.json.writeValueAsString(Map.of("answers", answers))))
				.andExpect(status().isOk());
			this.mvc
				.perform(post("/api/v1/demands/" + id + "/approve").with(httpBasic("gatekeeper", PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{}"))
				.andExpect(status().isOk());
		}
		String issued = this.mvc.perform(post("/api/v1/demands/" + id + "/issue").with(httpBasic(user, PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long deadline = System.nanoTime() + 15_000_000_000L;
		while (this.jdbc.sql("select count(*) from document where demand_id = :id")
			.param("id", id)
			.query(Long.class)
			.single() == 0) {
			assertThat(System.nanoTime()).as("document of demand " + id).isLessThan(deadline);
			Thread.sleep(50);
		}
		return JsonPath.read(issued, "$.gateNumber");
	}

	@Test
	void blocksADuplicateOfAnIssuedDemandAndAsksToJustifyRelaysAndBundles() throws Exception {
		String body = RelatedDocumentsTests.prose(7201, 1500);
		String gate = issue("issuer", "关于做好2033年困难群众走访工作的通知", body, BACHUAN);

		long copy = create("issuer", "关于做好困难群众走访工作的通知", body.substring(0, body.length() - 30), BACHUAN);
		String verdict = submit("issuer", copy);
		assertThat((List<String>) JsonPath.read(verdict, "$.findings[?(@.code == 'document.duplicate')].severity"))
			.containsExactly("BLOCK");
		assertThat((List<String>) JsonPath.read(verdict, "$.findings[?(@.code == 'document.duplicate')].message"))
			.singleElement()
			.asString()
			.contains(gate);

		long relay = create("township", "关于转发困难群众走访工作通知的通知",
				"现将区民政局通知转发给你们，请认真贯彻执行。\n" + body + "\n" + RelatedDocumentsTests.prose(7202, 600), VILLAGE);
		verdict = submit("township", relay);
		assertThat((List<String>) JsonPath.read(verdict, "$.findings[?(@.code == 'document.relay')].severity"))
			.containsExactly("JUSTIFY");
		assertThat((List<String>) JsonPath.read(verdict, "$.findings[?(@.code == 'document.relay')].evidence"))
			.singleElement()
			.asString()
			.contains(gate)
			.contains("no parent demand");

		String second = RelatedDocumentsTests.prose(7203, 1200);
		String gate2 = issue("issuer", "关于开展2033年养老机构安全检查的通知", second, BACHUAN);
		long bundle = create("issuer", "关于做好冬春两项工作的通知", body + "\n" + second, BACHUAN);
		verdict = submit("issuer", bundle);
		assertThat((List<String>) JsonPath.read(verdict, "$.findings[?(@.code == 'document.rename.bundle')].message"))
			.singleElement()
			.asString()
			.contains(gate)
			.contains(gate2);
	}

	long report(String text) throws Exception {
		return report(text, "区民政局", null);
	}

	long report(String text, String issuer,
			org.springframework.mock.web.@org.jspecify.annotations.Nullable MockMultipartFile attachment)
			throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/api/v1/inbox/ungated");
		if (attachment != null) {
			request.file(attachment);
		}
		String response = this.mvc
			.perform(request.param("channel", "WORK_GROUP")
				.param("issuer", issuer)
				.param("receivedOn", China.today().toString())
				.param("text", text)
				.with(httpBasic("village", PASSWORD)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(response, "$.id")).longValue();
		long deadline = System.nanoTime() + 15_000_000_000L;
		while (this.jdbc.sql("select count(*) from document_ungated where report_id = :id")
			.param("id", id)
			.query(Long.class)
			.single() == 0) {
			assertThat(System.nanoTime()).as("match of report " + id).isLessThan(deadline);
			Thread.sleep(50);
		}
		return id;
	}

	@Test
	void flagsAReportThatMatchesNoIssuedDocumentAndShowsIt() throws Exception {
		String body = RelatedDocumentsTests.prose(7301, 1200);
		String gate = issue("issuer", "关于做好2034年残疾人两项补贴复核工作的通知", body, BACHUAN);
		long matched = report("微信群转来的要求：" + body.substring(100, 400));
		long suspected = report("区民政局在工作群里要求各社区当天报送独居老人名单，没有文件。" + RelatedDocumentsTests.prose(7302, 80));
		assertThat(this.jdbc.sql("select matched_gate from document_ungated where report_id = :id")
			.param("id", matched)
			.query(String.class)
			.single()).isEqualTo(gate);
		assertThat(this.jdbc.sql("select suspected from document_ungated where report_id = :id")
			.param("id", suspected)
			.query(Boolean.class)
			.single()).isTrue();
		String page = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/documents/ungated")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("township"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("独居老人名单").contains("疑似未经准入").contains(gate);
		String other = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/documents/ungated")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("kaizhou.issuer"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(other).doesNotContain("独居老人名单");
	}

	@Test
	void readsTheReportsAttachmentAndCountsSuspectedReportsPerIssuerOnTheLedger() throws Exception {
		String body = RelatedDocumentsTests.prose(7401, 1500);
		String gate = issue("issuer", "关于开展2035年城乡低保动态管理的通知", body, BACHUAN);
		// The report's own text matches nothing; the document it attached is the issued
		// one.
		long byAttachment = report("群里发来一个文件，见附件。", "区民政局",
				new org.springframework.mock.web.MockMultipartFile("attachment", "通知.docx",
						"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
						Samples.docx("关于开展2035年城乡低保动态管理的通知\n" + body)));
		assertThat(this.jdbc.sql("select matched_gate from document_ungated where report_id = :id")
			.param("id", byAttachment)
			.query(String.class)
			.single()).isEqualTo(gate);
		// A photo adds nothing: the report stays flagged on its text.
		long photo = report("区城管局在工作群要求各社区每天上报门前三包巡查照片，无文件。" + RelatedDocumentsTests.prose(7402, 60), "区城管局",
				new org.springframework.mock.web.MockMultipartFile("attachment", "截图.png", "image/png",
						new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0 }));
		long second = report("区城管局电话要求报送商户台账。" + RelatedDocumentsTests.prose(7403, 60), "区城管局", null);
		assertThat(this.jdbc.sql("select count(*) from document_ungated where suspected = true and report_id in (:ids)")
			.param("ids", List.of(photo, second))
			.query(Long.class)
			.single()).isEqualTo(2);
		String ledger = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/ledger")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("gatekeeper"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.jsoup.nodes.Element section = org.jsoup.Jsoup.parse(ledger).getElementById("suspected");
		assertThat(section).isNotNull();
		org.jsoup.nodes.Element row = section.select("tr:has(td:containsOwn(区城管局))").first();
		assertThat(row).isNotNull();
		assertThat(row.select("td").get(1).text()).isEqualTo("2");
		assertThat(row.select("a").eachAttr("href")).contains("/documents/ungated#report-" + photo,
				"/documents/ungated#report-" + second);
		assertThat(section.text()).doesNotContain("#" + byAttachment);
		String other = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/ledger")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.accounts.loadUserByUsername("kaizhou.issuer"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(other).doesNotContain("区城管局");
	}

	long createOther(String title, String body) throws Exception {
		Map<String, Object> demand = new LinkedHashMap<>();
		demand.put("kind", "OTHER");
		demand.put("title", title);
		demand.put("body", body);
		demand.put("recipientUnitCodes", List.of(BACHUAN));
		demand.put("dueDate", China.today().plusDays(40).toString());
		demand.put("legalBasis", "《社会救助暂行办法》");
		demand.put("field", "民政");
		String response = this.mvc
			.perform(post("/api/v1/demands").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(demand)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(response, "$.id")).longValue();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aNoteThatSetsTasksFiledAsOtherCountsAsADocument() throws Exception {
		long note = createOther("关于报送独居老人走访台账的通知",
				"各社区：\n请于本周五前将独居老人走访台账报送区民政局社会救助科，逾期未报的予以通报。\n区民政局\n" + China.today().getYear() + "年3月2日");
		String verdict = submit("issuer", note);
		List<String> evidence = JsonPath.read(verdict, "$.findings[?(@.code == 'document.note-quota')].evidence");
		assertThat(evidence).singleElement().asString().contains("reads as a note that sets tasks");
		java.util.regex.Matcher issued = java.util.regex.Pattern
			.compile("documents issued " + China.today().getYear() + "=(\\d+)")
			.matcher(evidence.get(0));
		assertThat(issued.find()).isTrue();
		long thisYear = Long.parseLong(issued.group(1));
		List<String> messages = JsonPath.read(verdict, "$.findings[?(@.code == 'document.note-quota')].message");
		assertThat(messages).singleElement().asString().contains("发文 " + (thisYear + 1) + " 份");
		assertThat((List<String>) JsonPath.read(verdict, "$.findings[?(@.code == 'document.note-quota')].severity"))
			.containsExactly("JUSTIFY");

		long informational = createOther("区民政局开展慈善宣传周活动", "本周区民政局在各社区开展慈善宣传活动，欢迎群众参加。");
		assertThat((List<String>) JsonPath.read(submit("issuer", informational),
				"$.findings[?(@.code == 'document.note-quota')].code"))
			.isEmpty();
	}

}
