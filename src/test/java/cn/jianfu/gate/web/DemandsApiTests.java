package cn.jianfu.gate.web;

import cn.jianfu.China;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.jianfu.DatabaseTest;

@DatabaseTest
@AutoConfigureMockMvc
class DemandsApiTests {

	static final String PASSWORD = "jianfu-demo";

	static final String TONGLIANG = "500151000000";

	static final String BACHUAN = "500151001000";

	static final String KAIZHOU = "500154000000";

	@Autowired
	MockMvc mvc;

	static String json(String title, String body, String recipients, String extra) {
		return """
				{"kind":"DOCUMENT","title":"%s","body":"%s","recipientUnitCodes":%s,"dueDate":"%s",
				 "legalBasis":"《中华人民共和国老年人权益保障法》","field":"民政",
				 "assessment":{"necessary":true,"merged":true,"no-report-back":true,"no-supporting-documents":true,
				 "no-new-forms":true,"data-not-held":true,"no-traces":true}%s}
				""".formatted(title, body, recipients, China.today().plusDays(40), extra);
	}

	long create(String user, String json) throws Exception {
		String response = this.mvc
			.perform(post("/api/v1/demands").with(httpBasic(user, PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(response, "$.id")).longValue();
	}

	@Test
	void kindSpecificDetailsAreKeptThroughEditsThatDoNotSendThem() throws Exception {
		long id = create("issuer", json("关于召开冬季救助视频会的通知", "请各街道参会。", "[\"" + BACHUAN + "\"]",
				",\"details\":{\"meeting.minutes\":\"90\",\"meeting.mode\":\"video\"}"));
		this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.details['meeting.minutes']").value("90"))
			.andExpect(jsonPath("$.details['meeting.mode']").value("video"));
		this.mvc
			.perform(put("/api/v1/demands/" + id).with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("关于召开冬季救助视频会的通知（修改）", "请各街道参会。", "[\"" + BACHUAN + "\"]", "")))
			.andExpect(status().is2xxSuccessful());
		this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("issuer", PASSWORD)))
			.andExpect(jsonPath("$.title").value("关于召开冬季救助视频会的通知（修改）"))
			.andExpect(jsonPath("$.details['meeting.minutes']").value("90"));
	}

	@Test
	void aDetailWithABadNameIsRefusedAndNothingIsCreated() throws Exception {
		this.mvc
			.perform(post("/api/v1/demands").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("详情名称错误", "正文", "[\"" + BACHUAN + "\"]", ",\"details\":{\"Meeting Minutes\":\"90\"}")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("demand.detail.key"))
			.andExpect(jsonPath("$.message_zh").value(containsString("Meeting Minutes")));
	}

	@Test
	void submitJustifyApproveIssueAssignsAGateNumber() throws Exception {
		long id = create("issuer", json("关于开展养老服务设施排查的通知", "字".repeat(5200), "[\"" + BACHUAN + "\"]", ""));
		String verdict = this.mvc.perform(post("/api/v1/demands/" + id + "/submit").with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verdict").value("JUSTIFY"))
			.andExpect(jsonPath("$.status").value("NEEDS_JUSTIFICATION"))
			.andExpect(jsonPath("$.findings[?(@.code == 'document.length')].severity").value(hasItem("JUSTIFY")))
			.andExpect(jsonPath("$.findings[?(@.code == 'document.length')].evidence")
				.value(hasItem(containsString("length=5200"))))
			.andExpect(jsonPath("$.findings[?(@.code == 'document.length')].rule.document")
				.value(hasItem(containsString("整治形式主义为基层减负若干规定"))))
			.andExpect(jsonPath("$.findings[?(@.code == 'document.length')].message")
				.value(hasItem(containsString("5200"))))
			.andExpect(jsonPath("$.findings[?(@.code == 'document.length')].messageEn")
				.value(hasItem(containsString("characters"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> toAnswer = JsonPath.read(verdict, "$.findings[?(@.severity == 'JUSTIFY')].code");
		StringBuilder answers = new StringBuilder();
		for (String code : toAnswer) {
			answers.append(answers.isEmpty() ? "" : ",").append('"').append(code).append("\":\"专项排查，须一次说清\"");
		}
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/approve").with(httpBasic("gatekeeper", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("demand.state"));
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/justifications").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"answers\":{" + answers + "}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("JUSTIFIED"))
			.andExpect(
					jsonPath("$.findings[?(@.code == 'document.length')].justification").value(hasItem("专项排查，须一次说清")));
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/approve").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("demand.not-gatekeeper"));
		this.mvc.perform(get("/api/v1/demands?status=JUSTIFIED").with(httpBasic("gatekeeper", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)));
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/approve").with(httpBasic("gatekeeper", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"同意，专项工作\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decidedBy").value("gatekeeper"));
		this.mvc.perform(post("/api/v1/demands/" + id + "/issue").with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.gateNumber").value(matchesPattern("JF-500151-\\d{4}-\\d{6}")));
		this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("supervisor", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ISSUED"))
			.andExpect(jsonPath("$.gateNumber").value(matchesPattern("JF-500151-\\d{4}-\\d{6}")))
			.andExpect(jsonPath("$.assessmentScore").value(100));
	}

	@Test
	void aRejectionNeedsAReason() throws Exception {
		long id = create("issuer", json("短期排查", "请于本周内报送。", "[\"" + BACHUAN + "\"]", ""));
		this.mvc.perform(post("/api/v1/demands/" + id + "/submit").with(httpBasic("issuer", PASSWORD)))
			.andExpect(jsonPath("$.status").value("NEEDS_JUSTIFICATION"));
		String view = this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("issuer", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> codes = JsonPath.read(view, "$.findings[?(@.severity == 'JUSTIFY')].code");
		StringBuilder answers = new StringBuilder();
		codes.forEach(c -> answers.append(answers.isEmpty() ? "" : ",").append('"').append(c).append("\":\"理由\""));
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/justifications").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"answers\":{}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("demand.justification.missing"));
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/justifications").with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"answers\":{" + answers + "}}"))
			.andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/reject").with(httpBasic("gatekeeper", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("demand.reason"));
		this.mvc
			.perform(post("/api/v1/demands/" + id + "/reject").with(httpBasic("gatekeeper", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"可与已有报表合并\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.decisionReason").value("可与已有报表合并"));
		this.mvc.perform(post("/api/v1/demands/" + id + "/issue").with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isConflict());
	}

	@Test
	void kaizhouCannotAddressTongliangUnitsNorReadTheirDemands() throws Exception {
		this.mvc
			.perform(post("/api/v1/demands").with(httpBasic("kaizhou.issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("跨区发文", "正文", "[\"" + BACHUAN + "\"]", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("demand.recipient.out-of-scope"))
			.andExpect(jsonPath("$.message_zh", containsString(BACHUAN)))
			.andExpect(jsonPath("$.message_en", containsString(BACHUAN)));
		this.mvc
			.perform(post("/api/v1/demands").with(httpBasic("kaizhou.issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("跨区发文", "正文", "[]", ",\"recipientLevel\":5,\"recipientUnder\":\"" + TONGLIANG + "\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message_zh", containsString(TONGLIANG)));
		long id = create("issuer", json("铜梁的事项", "正文", "[\"" + BACHUAN + "\"]", ""));
		this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("kaizhou.issuer", PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("demand.not-found"));
		this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("village", PASSWORD)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/demands").with(httpBasic("kaizhou.issuer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")]").isEmpty());
		this.mvc
			.perform(put("/api/v1/demands/" + id).with(httpBasic("kaizhou.issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("改", "正文", "[\"" + KAIZHOU + "\"]", "")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aStaleVersionIsAConflict() throws Exception {
		long id = create("issuer", json("版本", "正文", "[\"" + BACHUAN + "\"]", ""));
		this.mvc
			.perform(put("/api/v1/demands/" + id).with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("版本一", "正文", "[\"" + BACHUAN + "\"]", ",\"version\":0")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.title").value("版本一"));
		this.mvc
			.perform(put("/api/v1/demands/" + id).with(httpBasic("issuer", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("版本二", "正文", "[\"" + BACHUAN + "\"]", ",\"version\":0")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("demand.stale"));
	}

	@Test
	void statusIssuerUnitAndGateNumberInTheBodyAreIgnored() throws Exception {
		long id = create("issuer",
				json("批量赋值", "正文", "[\"" + BACHUAN + "\"]",
						",\"status\":\"ISSUED\",\"gateNumber\":\"JF-500151-2026-999999\",\"issuerUnitCode\":\""
								+ KAIZHOU + "\",\"issuer\":{\"unitCode\":\"" + KAIZHOU + "\"},\"unitCode\":\"" + KAIZHOU
								+ "\""));
		this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.gateNumber").doesNotExist())
			.andExpect(jsonPath("$.issuer.unitCode").value(TONGLIANG))
			.andExpect(jsonPath("$.issuer.account").value("issuer"));
	}

	@Test
	void onlyIssuersCreateAndOnlyTheirUnitSubmits() throws Exception {
		this.mvc
			.perform(post("/api/v1/demands").with(httpBasic("gatekeeper", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("减负办发文", "正文", "[\"" + BACHUAN + "\"]", "")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("demand.not-issuer"));
		long id = create("issuer", json("他人的草稿", "正文", "[\"" + BACHUAN + "\"]", ""));
		this.mvc.perform(post("/api/v1/demands/" + id + "/submit").with(httpBasic("gatekeeper", PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void allVillagesUnderATownshipAreResolvedOnSubmit() throws Exception {
		long id = create("township", json("请各社区报送", "正文", "[]",
				",\"kind\":\"DATA_REQUEST\",\"recipientLevel\":5,\"recipientUnder\":\"" + BACHUAN + "\""));
		this.mvc.perform(post("/api/v1/demands/" + id + "/submit").with(httpBasic("township", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings[*].code").value(hasItems("sunset")));
		this.mvc.perform(get("/api/v1/demands/" + id).with(httpBasic("township", PASSWORD)))
			.andExpect(jsonPath("$.recipientLevel").value(5))
			.andExpect(jsonPath("$.recipientUnitCodes").value(hasItem("500151001001")));
	}

	@Test
	void theApiIsDescribedInOpenApi() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/demands/{id}/submit'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/demands/{id}/justifications'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/gate/checks'].get").exists());
	}

	@Test
	void theCatalogueListsEveryCheckWithItsRule() throws Exception {
		this.mvc.perform(get("/api/v1/gate/checks").with(httpBasic("village", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code").value(hasItems("quota.yearly", "document.length", "lead-time",
					"cascade.relay", "sunset", "legal-basis", "assessment")))
			.andExpect(jsonPath("$[?(@.code == 'document.length')].rule.article").value(hasItem("一、2.提升文件质量")))
			.andExpect(jsonPath("$[?(@.code == 'document.length')].title").value(hasItem("文件篇幅")));
	}

}
