package cn.jianfu.duties;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import cn.jianfu.DatabaseTest;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.Severity;
import cn.jianfu.gate.internal.DemandDesk;
import cn.jianfu.gate.internal.DemandId;
import cn.jianfu.gate.internal.Gatekeeper;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;

/**
 * The issue's "Done means", end to end through the API: 东城街道's duty list and 飞凤村's
 * admission list are imported from Excel; a demand outside them is flagged at the gate
 * and refused with one click, and the refusal reaches the gatekeeper's ledger; 铜梁区
 * delegates the approval of 特困人员认定 to the streets, cases opened before and after go to
 * the right units, deadlines skip the 2025 National Day holiday and count its adjusted
 * working days, and the statistics show the change.
 */
@DatabaseTest
@AutoConfigureMockMvc
class DutiesFlowTests {

	static final String PASSWORD = "jianfu-demo";

	static final String TONGLIANG = "500151000000";

	static final String DONGCHENG = "500151002000";

	static final String FEIFENG = "500151002200";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	DemandDesk desk;

	@Autowired
	Gatekeeper gatekeeper;

	@BeforeEach
	void accounts() {
		account("duties.dongcheng", "东城街道", DONGCHENG, Role.GRASSROOTS);
		account("duties.feifeng", "飞凤村", FEIFENG, Role.GRASSROOTS);
	}

	@Test
	void listsGateRefusalDelegationCasesAndStatistics() throws Exception {
		// 1. a township's duty list and a village's admission list from Excel
		byte[] duty = workbook("履职事项清单",
				new String[][] { { "1", "低保入户调查", "基本履职事项", "民政", "社会事务办", "《社会救助暂行办法》" },
						{ "2", "森林防灭火", "配合履职事项", "应急", "区应急管理局", "《森林防火条例》" },
						{ "3", "建设工程质量安全监督检查", "上级部门收回事项", "住房城乡建设", "区住房城乡建委", "《建设工程质量管理条例》" } },
				null);
		importList(DONGCHENG, "gatekeeper", duty).andExpect(status().isOk()).andExpect(jsonPath("$.items").value(3));
		byte[] admission = workbook("准入清单",
				new String[][] { { "CZ-1", "协助低保入户核查", "准入事项", "民政", "", "" },
						{ "CZ-2", "招商引资任务", "负面清单事项", "招商引资", "", "厅字〔2022〕28号" } },
				new String[] { "居住情况证明", "家庭经济状况证明" });
		importList(FEIFENG, "duties.dongcheng", admission).andExpect(status().isOk())
			.andExpect(jsonPath("$.items").value(2))
			.andExpect(jsonPath("$.certificates").value(2));
		// all or nothing: a workbook with one bad row changes nothing and names the cell
		byte[] bad = workbook("准入清单",
				new String[][] { { "X-1", "协助", "准入事项", "民政", "", "" }, { "X-2", "随便", "不存在的类别", "民政", "", "" } },
				null);
		importList(FEIFENG, "duties.dongcheng", bad).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("duties.import.invalid"))
			.andExpect(jsonPath("$.errors[0].sheet").value("准入清单"))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("C"))
			.andExpect(jsonPath("$.errors[0].messageEn").value(org.hamcrest.Matchers.containsString("不存在的类别")));
		this.mvc.perform(get("/api/v1/duties/units/" + FEIFENG).with(httpBasic("duties.feifeng", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2));
		assertThat(this.jdbc.sql("select approved_by from duty_list_change where unit_code = :u")
			.param("u", FEIFENG)
			.query(String.class)
			.list()).containsExactly("东城街道党工委会议");

		// 2. a demand outside the lists is flagged at the gate
		Viewer issuer = viewer("issuer");
		LocalDate due = China.today().plusDays(30);
		DemandId id = this.desk.create(issuer,
				new DemandDraft(DemandKind.DOCUMENT, "关于各村承担招商引资任务的通知", "请各单位落实招商引资任务。", "招商引资", "《区招商引资考核办法》",
						List.of(DONGCHENG, FEIFENG), null, null, due, null, null, null, false, false, false, false,
						null));
		Gatekeeper.Verdict verdict = this.gatekeeper.submit(issuer, id, null);
		Finding offList = verdict.findings()
			.stream()
			.filter(f -> f.code().equals("duties.off-list"))
			.findFirst()
			.orElseThrow();
		assertThat(offList.severity()).isEqualTo(Severity.JUSTIFY);
		assertThat(offList.evidence()).contains(DONGCHENG).contains(FEIFENG).contains("负面清单");
		Map<String, String> answers = new HashMap<>();
		verdict.findings()
			.stream()
			.filter(f -> f.severity() == Severity.JUSTIFY)
			.forEach(f -> answers.put(f.code(), "区委部署，确有必要"));
		this.desk.justify(issuer, id, null, answers);
		this.gatekeeper.approve(viewer("gatekeeper"), id, null, "同意");
		String gateNumber = this.desk.issue(issuer, id, null);
		await("select count(*) from duty_flag where demand_id = " + id.value() + " and unit_code = '" + FEIFENG + "'");
		await("select count(*) from ledger_entry where demand_id = " + id.value() + " and recipient_unit_code = '"
				+ FEIFENG + "'");

		// 3. refused with one click, citing the missing entry; the gatekeeper sees it
		this.mvc.perform(get("/api/v1/duties/flags").with(httpBasic("duties.feifeng", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.demandId == " + id.value() + ")].gateNumber").value(gateNumber));
		this.mvc
			.perform(post("/api/v1/duties/demands/" + id.value() + "/refusal")
				.with(httpBasic("duties.feifeng", PASSWORD)))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(post("/api/v1/duties/demands/" + id.value() + "/refusal")
				.with(httpBasic("duties.feifeng", PASSWORD)))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/api/v1/duties/demands/" + id.value() + "/refusal").with(httpBasic("village", PASSWORD)))
			.andExpect(status().isNotFound());
		String reason = this.jdbc
			.sql("select refusal_reason from ledger_entry where demand_id = :d and recipient_unit_code = :u"
					+ " and status = 'REFUSED'")
			.param("d", id.value())
			.param("u", FEIFENG)
			.query(String.class)
			.single();
		assertThat(reason).contains("招商引资任务").contains("负面清单").contains("CZ-2");
		String refusals = this.mvc
			.perform(get("/ledger/export/refusals.csv?year=" + due.getYear())
				.with(user(this.accounts.loadUserByUsername("gatekeeper"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refusals).contains(gateNumber).contains("负面清单");

		// 4. 铜梁区 delegates the approval of 特困人员认定 to its streets from 2025-09-01
		this.mvc
			.perform(post("/api/v1/duties/powers/assignments").with(httpBasic("gatekeeper", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"power\":\"TEKUN\",\"step\":\"APPROVAL\",\"countyCode\":\"" + TONGLIANG
						+ "\",\"level\":4,\"since\":\"2025-09-01\",\"instrument\":\"铜梁区人民政府关于向街道（镇）赋权的决定（测试）\"}"))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/duties/powers").with(httpBasic("gatekeeper", PASSWORD)))
			.andExpect(jsonPath("$[?(@.power.code == 'TEKUN')].history[?(@.countyCode == '" + TONGLIANG
					+ "' && @.stepCode == 'APPROVAL')].level")
				.value(org.hamcrest.Matchers.contains("COUNTY", "TOWNSHIP")));

		// cases opened before go to the district for approval, after to the street
		for (int i = 0; i < 3; i++) {
			long before = open("2025-07-0" + (1 + i));
			step(before, "duties.dongcheng", "2025-07-0" + (2 + i), "FORWARD");
			step(before, "duties.dongcheng", "2025-07-1" + (6 + i), "FORWARD");
			assertThat(currentUnit(before)).isEqualTo(TONGLIANG);
			step(before, "issuer", "2025-08-1" + (1 + i), "APPROVED");
		}
		for (int i = 0; i < 3; i++) {
			long after = open("2025-09-1" + (5 + i));
			step(after, "duties.dongcheng", "2025-09-1" + (6 + i), "FORWARD");
			step(after, "duties.dongcheng", "2025-09-2" + (2 + i), "FORWARD");
			assertThat(currentUnit(after)).isEqualTo(DONGCHENG);
			this.mvc
				.perform(post("/api/v1/duties/case/steps?id=" + after).with(httpBasic("issuer", PASSWORD))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"on\":\"2025-09-25\",\"outcome\":\"APPROVED\"}"))
				.andExpect(status().isForbidden());
			step(after, "duties.dongcheng", "2025-09-2" + (4 + i), "APPROVED");
		}

		// 5. deadlines skip the National Day holiday and count its adjusted working days
		long national = open("2025-09-26");
		String detail = this.mvc
			.perform(get("/api/v1/duties/case?id=" + national).with(httpBasic("duties.feifeng", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(detail, "$.detail.steps[0].dueOn"))
			.as("3 working days after Friday 26 September: Sunday 28 (adjusted), 29, 30")
			.isEqualTo("2025-09-30");
		step(national, "duties.dongcheng", "2025-09-30", "FORWARD");
		detail = this.mvc.perform(get("/api/v1/duties/case?id=" + national).with(httpBasic("duties.feifeng", PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(detail, "$.detail.steps[1].dueOn"))
			.as("15 working days from 30 September: 1–8 October are holidays, Saturday 11 October is worked")
			.isEqualTo("2025-10-28");
		assertThat((String) JsonPath.read(detail, "$.warning")).isEqualTo("OVERDUE");
		this.mvc
			.perform(get("/api/v1/calendar/working-days?from=2025-09-30&days=3").with(httpBasic("village", PASSWORD)))
			.andExpect(jsonPath("$.due").value("2025-10-11"));

		// 6. the statistics show the change
		String statistics = this.mvc.perform(get("/api/v1/duties/statistics").with(httpBasic("gatekeeper", PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String row = "$[?(@.countyCode == '" + TONGLIANG + "' && @.powerCode == 'TEKUN')]";
		assertThat((List<String>) JsonPath.read(statistics, row + ".delegatedOn")).containsExactly("2025-09-01");
		List<Integer> medianBefore = JsonPath.read(statistics, row + ".before.median");
		List<Integer> medianAfter = JsonPath.read(statistics, row + ".after.median");
		assertThat(medianBefore.get(0)).as("working days to decision before").isEqualTo(29);
		assertThat(medianAfter.get(0)).as("after: 15→24, 16→25, 17→26 September").isEqualTo(7);
		assertThat((List<Object>) JsonPath.read(statistics, row + ".hoursBefore.COUNTY")).containsExactly(6.0);
		assertThat((List<Object>) JsonPath.read(statistics, row + ".hoursAfter.COUNTY")).isEmpty();
	}

	private long open(String on) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/duties/cases").with(httpBasic("duties.feifeng", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"power\":\"TEKUN\",\"homeUnitCode\":\"" + FEIFENG + "\",\"applicant\":\"申请人" + on
						+ "\",\"openedOn\":\"" + on + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private void step(long caseId, String account, String on, String outcome) throws Exception {
		this.mvc
			.perform(post("/api/v1/duties/case/steps?id=" + caseId).with(httpBasic(account, PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"on\":\"" + on + "\",\"outcome\":\"" + outcome + "\"}"))
			.andExpect(status().isOk());
	}

	private String currentUnit(long caseId) {
		return this.jdbc.sql("select unit_code from case_step where case_id = :id and done_on is null")
			.param("id", caseId)
			.query(String.class)
			.single();
	}

	private org.springframework.test.web.servlet.ResultActions importList(String unit, String account, byte[] bytes)
			throws Exception {
		var request = multipart("/api/v1/duties/units/" + unit + "/import")
			.file(new MockMultipartFile("file", "清单.xlsx", XLSX, bytes))
			.param("approvedBy", "东城街道党工委会议")
			.param("approvalRef", "2025年第12次会议纪要")
			.with(httpBasic(account, PASSWORD));
		return this.mvc.perform(request);
	}

	static byte[] workbook(String sheetName, String[][] rows, String[] certificates) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet(sheetName);
			String[] header = { "编号", "事项名称", "类别", "领域", "牵头部门", "法律依据" };
			var head = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				head.createCell(c).setCellValue(header[c]);
			}
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			if (certificates != null) {
				XSSFSheet certs = book.createSheet("证明事项");
				certs.createRow(0).createCell(0).setCellValue("证明事项");
				for (int r = 0; r < certificates.length; r++) {
					certs.createRow(r + 1).createCell(0).setCellValue(certificates[r]);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	private void await(String countQuery) throws InterruptedException {
		long deadline = System.nanoTime() + 15_000_000_000L;
		while (this.jdbc.sql(countQuery).query(Long.class).single() == 0) {
			assertThat(System.nanoTime()).as(countQuery).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private Viewer viewer(String username) {
		return ((Viewer.Signed) this.accounts.loadUserByUsername(username)).viewer();
	}

	private void account(String username, String name, String unit, Role role) {
		boolean exists = this.jdbc.sql("select count(*) from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			return;
		}
		this.jdbc
			.sql("insert into account (username, display_name, password_hash, unit_code, enabled, created_at)"
					+ " values (:u, :name, :hash, :unit, true, :now)")
			.param("u", username)
			.param("name", name)
			.param("hash", this.passwords.encode(PASSWORD))
			.param("unit", unit)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		this.jdbc.sql("insert into account_role (account_id, role) select id, :role from account where username = :u")
			.param("role", role.name())
			.param("u", username)
			.update();
	}

}
