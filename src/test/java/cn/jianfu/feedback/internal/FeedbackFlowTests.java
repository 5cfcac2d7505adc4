package cn.jianfu.feedback.internal;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Severity;
import cn.jianfu.gate.internal.DemandDesk;
import cn.jianfu.gate.internal.DemandId;
import cn.jianfu.gate.internal.DemandStatus;
import cn.jianfu.gate.internal.Gatekeeper;
import cn.jianfu.org.Viewer;

/**
 * The issue's "Done means", end to end: a village clerk reports a repeated data request
 * anonymously; the supervisor links the report to the demand and its issuer, opens a
 * case, records notice, statement, review and a 通报 decision; the clerk sees the outcome
 * with the receipt code and confirms it; the bulletin shows the case without the
 * village's name, and every supervisor step is in the audit log.
 */
@DatabaseTest
@AutoConfigureMockMvc
class FeedbackFlowTests {

	static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\">(\\d{4} \\d{4} \\d{4} \\d{4})<");

	@Autowired
	MockMvc mvc;

	@Autowired
	DemandDesk desk;

	@Autowired
	Gatekeeper gatekeeper;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportThrottle throttle;

	@BeforeEach
	void fillBuckets() {
		this.throttle.reset();
	}

	@Test
	void aClerksAnonymousReportEndsInAPublicNoticeTheClerkConfirms() throws Exception {
		String gateNumber = issueRepeatedDataRequest();

		// the clerk, not signed in, reports it
		MockHttpServletResponse form = this.mvc.perform(get("/report")).andReturn().getResponse();
		Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form.getContentAsString());
		assertThat(token.find()).isTrue();
		MockHttpServletResponse sent = this.mvc
			.perform(multipart("/report").param("token", token.group(1))
				.param("category", "DATA")
				.param("place", "500151000000")
				.param("text", "区民政局本月第三次要求东方社区报送同一组低保数据，准入编号 " + gateNumber + "，格式每次不同。"))
			.andReturn()
			.getResponse();
		Matcher receipt = RECEIPT.matcher(sent.getContentAsString(StandardCharsets.UTF_8));
		assertThat(receipt.find()).as(sent.getContentAsString(StandardCharsets.UTF_8)).isTrue();
		String code = receipt.group(1);
		String number = this.jdbc.sql("select number from feedback_report where body like :text")
			.param("text", "%" + gateNumber + "%")
			.query(String.class)
			.single();

		// the supervisor of 铜梁区 sees it, links it to the demand and its issuer
		String home = page(get("/supervision"));
		assertThat(home).contains(number);
		act(post("/supervision/reports/" + number + "/link").param("gateNumber", gateNumber));
		String report = page(get("/supervision/reports/" + number));
		assertThat(report).contains("铜梁区民政局").contains(gateNumber).contains("调查中");
		act(post("/supervision/reports/" + number + "/notes").param("kind", "FINDING")
			.param("text", "核实：三个科室各要一次，数据相同。"));

		// opens a case and records its steps
		MockHttpServletResponse opened = this.mvc
			.perform(post("/supervision/cases").param("source", "REPORT")
				.param("reference", number)
				.param("summary", "重复要求东方社区报送同一组低保数据")
				.with(supervisor())
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(opened.getStatus()).isEqualTo(302);
		String caseNumber = opened.getRedirectedUrl().substring("/supervision/cases/".length());
		assertThat(caseNumber).startsWith("WZ-");
		String casePage = page(get("/supervision/cases/" + caseNumber));
		assertThat(casePage).contains("铜梁区民政局").contains(gateNumber).contains("demand.issued");
		MockHttpServletResponse early = this.mvc
			.perform(post("/supervision/cases/" + caseNumber + "/steps").param("step", "DECISION")
				.param("body", "太早")
				.param("decision", "TONGBAO")
				.with(supervisor())
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(early.getStatus()).as("a decision before notice and review").isEqualTo(409);
		step(caseNumber, "NOTICE", "已书面告知区民政局。", null, null);
		step(caseNumber, "STATEMENT", "区民政局称系科室间未共享数据。", null, null);
		step(caseNumber, "REVIEW", "经审查，属重复填报。", null, null);
		step(caseNumber, "DECISION", "予以通报，责令建立数据共享台账。", "TONGBAO", "区民政局三个科室重复要求东方社区报送同一组低保数据，联系电话 13800001234。");
		assertThat(page(get("/supervision/cases/" + caseNumber))).contains("通报");

		// the clerk follows the case with the receipt code and confirms the outcome
		String followed = followPage(code);
		assertThat(followed).contains("已办结").contains("通报").contains(caseNumber);
		MockHttpServletResponse confirmed = this.mvc
			.perform(post("/report/follow/answer").param("token", FormTokens.issue())
				.param("code", code)
				.param("verdict", "CONFIRMED"))
			.andReturn()
			.getResponse();
		assertThat(confirmed.getStatus()).isEqualTo(200);
		assertThat(confirmed.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"report-verdict\">确认办理结果");
		assertThat(this.jdbc.sql("select reporter_verdict from feedback_report where number = :n")
			.param("n", number)
			.query(String.class)
			.single()).isEqualTo("CONFIRMED");

		// the bulletin names the department, not the village, and no number
		String bulletin = this.mvc.perform(get("/api/v1/feedback/bulletin").with(httpBasic("village", "jianfu-demo")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(bulletin).contains(caseNumber).contains("区民政局").contains("某村（社区）");
		assertThat(bulletin).doesNotContain("东方社区").doesNotContain("13800001234");

		// every supervisor step is audited, none with the reporter's identity
		List<String> types = this.jdbc
			.sql("select event_type from audit_event where object in (:report, :case) order by seq")
			.param("report", "report:" + number)
			.param("case", "case:" + caseNumber)
			.query(String.class)
			.list();
		assertThat(types).containsSubsequence("feedback.report.received", "feedback.report.linked",
				"feedback.report.finding", "accountability.case.opened", "accountability.case.notice",
				"accountability.case.statement", "accountability.case.review", "feedback.report.closed",
				"accountability.case.decided", "feedback.report.confirmed");
		assertThat(this.jdbc
			.sql("select account from audit_event where object = :report and event_type ="
					+ " 'feedback.report.received'")
			.param("report", "report:" + number)
			.query(String.class)
			.single()).isEqualTo("anonymous");
	}

	@Test
	void othersCannotTriageAndSupervisorsSeeOnlyTheirJurisdiction() throws Exception {
		for (String username : List.of("village", "issuer", "gatekeeper", "admin")) {
			int status = this.mvc.perform(get("/supervision").with(authentication(as(username))))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(username).isEqualTo(403);
		}
		String number = this.jdbc.sql("select number from feedback_report where receipt_hash = :hash")
			.param("hash", Receipts.hash(FeedbackDemo.CODE))
			.query(String.class)
			.single();
		assertThat(page(get("/supervision/reports/" + number))).contains(number);
		MockHttpServletResponse missing = this.mvc
			.perform(get("/supervision/reports/JB-1999-000001").with(supervisor()))
			.andReturn()
			.getResponse();
		assertThat(missing.getStatus()).isEqualTo(404);
	}

	private String issueRepeatedDataRequest() {
		Viewer issuer = viewer("issuer");
		DemandId id = this.desk.create(issuer,
				new DemandDraft(DemandKind.DATA_REQUEST, "低保对象信息核对表（流程测试）", "请各社区报送低保对象信息。", "民政", "《社会救助暂行办法》",
						List.of("500151001001"), null, null, China.today().plusDays(40), null,
						China.today().plusYears(1), null, false, false, false, false, null));
		Gatekeeper.Verdict verdict = this.gatekeeper.submit(issuer, id, null);
		if (verdict.status() == DemandStatus.NEEDS_JUSTIFICATION) {
			Map<String, String> answers = new HashMap<>();
			verdict.findings()
				.stream()
				.filter(f -> f.severity() == Severity.JUSTIFY)
				.forEach(f -> answers.put(f.code(), "确有必要"));
			this.desk.justify(issuer, id, null, answers);
			this.gatekeeper.approve(viewer("gatekeeper"), id, null, "同意");
		}
		return this.desk.issue(issuer, id, null);
	}

	private void step(String caseNumber, String step, String body, String decision, String bulletin) throws Exception {
		var request = post("/supervision/cases/" + caseNumber + "/steps").param("step", step).param("body", body);
		if (decision != null) {
			request.param("decision", decision).param("bulletin", bulletin);
		}
		act(request);
	}

	private String followPage(String code) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/report/follow").param("token", FormTokens.issue()).param("code", code))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(supervisor())).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private void act(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(supervisor()).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor supervisor() {
		return authentication(as("supervisor"));
	}

	private UsernamePasswordAuthenticationToken as(String username) {
		UserDetails details = this.accounts.loadUserByUsername(username);
		return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
	}

	private Viewer viewer(String username) {
		return ((Viewer.Signed) this.accounts.loadUserByUsername(username)).viewer();
	}

}
