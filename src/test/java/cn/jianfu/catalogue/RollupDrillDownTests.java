package cn.jianfu.catalogue;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import cn.jianfu.DatabaseTest;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.RollupExports;
import cn.jianfu.platform.Problem;

/**
 * The roll-up for users: drill-down county → township → its villages ({@code ?unit=}, on
 * the page and the API), refused outside the caller's scope or the form; Excel and ADX
 * exports read back; the city level when the issuer sits there.
 */
@DatabaseTest
@AutoConfigureMockMvc
class RollupDrillDownTests {

	static final String CITY = "500100000000";

	static final String COUNTY = "500151000000";

	static final String BACHUAN = "500151001000";

	static final String DONGCHENG = "500151002000";

	static final String VILLAGE_A = "500151001001";

	static final String VILLAGE_B = "500151001002";

	static final String VILLAGE_C = "500151002001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	/**
	 * A monthly form issued by {@code issuer} to villages A and B of 巴川街道 and C of 东城街道,
	 * all submitted: 低保户数 12, 8, 5 and 农村低保人数 30, 20, 10. The first field's label may
	 * look like a formula.
	 */
	long submittedForm(String issuerUnit, String period, String firstLabel) {
		long id = this.jdbc.sql("select coalesce(max(demand_id), 0) + 1 from catalogue_form").query(Long.class).single()
				+ 700_000;
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("insert into catalogue_form (demand_id, issuer_unit, issuer_account, title, period_type, period,"
					+ " recipient_level, recipient_under, deadline, status, created_at, issued_at, owner) values (:id,"
					+ " :unit, 'issuer', '汇总下钻测试', 'MONTH', :period, 5, :unit, :deadline, 'ISSUED', :now, :now,"
					+ " '区民政局')")
			.param("id", id)
			.param("unit", issuerUnit)
			.param("period", period)
			.param("deadline", Date.valueOf(China.today().plusDays(10)))
			.param("now", now)
			.update();
		String[][] fields = { { firstLabel, "MZ-0004" }, { "农村低保人数", "MZ-0009" } };
		for (int i = 0; i < fields.length; i++) {
			this.jdbc
				.sql("insert into catalogue_form_field (demand_id, position, label, decision, indicator_code)"
						+ " values (:id, :pos, :label, 'match', :code)")
				.param("id", id)
				.param("pos", i)
				.param("label", fields[i][0])
				.param("code", fields[i][1])
				.update();
		}
		Map<String, String[]> values = Map.of(VILLAGE_A, new String[] { "12", "30" }, VILLAGE_B,
				new String[] { "8", "20" }, VILLAGE_C, new String[] { "5", "10" });
		for (var e : values.entrySet()) {
			this.jdbc.sql("insert into catalogue_form_recipient (demand_id, unit_code) values (:id, :unit)")
				.param("id", id)
				.param("unit", e.getKey())
				.update();
			this.jdbc
				.sql("insert into catalogue_sheet (demand_id, unit_code, version, status, updated_by, updated_at,"
						+ " submitted_at) values (:id, :unit, 1, 'SUBMITTED', 'test', :now, :now)")
				.param("id", id)
				.param("unit", e.getKey())
				.param("now", now)
				.update();
			for (int i = 0; i < 2; i++) {
				this.jdbc
					.sql("insert into catalogue_value (indicator_code, unit_code, period, value_text, version,"
							+ " demand_id, updated_by, updated_at) values (:code, :unit, :period, :value, 1, :id,"
							+ " 'test', :now)")
					.param("code", fields[i][1])
					.param("unit", e.getKey())
					.param("period", period)
					.param("value", e.getValue()[i])
					.param("id", id)
					.param("now", now)
					.update();
			}
		}
		return id;
	}

	@Test
	void theCountyDrillsDownToATownshipAndItsVillagesOnTheApiAndThePage() throws Exception {
		long id = submittedForm(COUNTY, "2037-01", "低保户数");
		String rollup = "/api/v1/catalogue/forms/" + id + "/rollup";
		this.mvc.perform(get(rollup).param("unit", COUNTY).with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unit").value(COUNTY))
			.andExpect(jsonPath("$.nodes.length()").value(3))
			.andExpect(jsonPath("$.nodes[0].code").value(COUNTY))
			.andExpect(jsonPath("$.nodes[0].values['MZ-0004']").value("25"))
			.andExpect(jsonPath("$.nodes[1].code").value(BACHUAN))
			.andExpect(jsonPath("$.nodes[1].parent").value(COUNTY))
			.andExpect(jsonPath("$.nodes[1].drill").value(true))
			.andExpect(jsonPath("$.nodes[1].values['MZ-0004']").value("20"))
			.andExpect(jsonPath("$.nodes[2].code").value(DONGCHENG))
			.andExpect(jsonPath("$.nodes[2].values['MZ-0009']").value("10"));
		this.mvc.perform(get(rollup).param("unit", BACHUAN).with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nodes.length()").value(3))
			.andExpect(jsonPath("$.nodes[0].code").value(BACHUAN))
			.andExpect(jsonPath("$.nodes[0].expected").value(2))
			.andExpect(jsonPath("$.nodes[0].submitted").value(2))
			.andExpect(jsonPath("$.nodes[1].code").value(VILLAGE_A))
			.andExpect(jsonPath("$.nodes[1].leaf").value(true))
			.andExpect(jsonPath("$.nodes[1].drill").value(false))
			.andExpect(jsonPath("$.nodes[1].values['MZ-0004']").value("12"))
			.andExpect(jsonPath("$.nodes[2].code").value(VILLAGE_B))
			.andExpect(jsonPath("$.trail[0].code").value(COUNTY))
			.andExpect(jsonPath("$.trail[1].code").value(BACHUAN));
		// the page: every level with links down; drilled, only the township's villages
		var issuer = user(this.accounts.loadUserByUsername("issuer"));
		this.mvc.perform(get("/catalogue/forms/" + id + "/rollup").with(issuer))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("/rollup?unit=" + BACHUAN)));
		this.mvc.perform(get("/catalogue/forms/" + id + "/rollup").param("unit", BACHUAN).with(issuer))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("东方社区")))
			.andExpect(content().string(Matchers.containsString("和平社区")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("演示社区01"))))
			.andExpect(content().string(Matchers.containsString("/rollup?unit=" + COUNTY)))
			.andExpect(content().string(Matchers.containsString("rollup.xlsx?unit=" + BACHUAN)));
	}

	@Test
	void aUnitOutsideTheCallersScopeOrTheFormIsRefused() throws Exception {
		// 巴川街道's own form: its roll-up reaches the county, which lies outside the
		// township's scope
		long id = submittedForm(BACHUAN, "2037-02", "低保户数");
		String rollup = "/api/v1/catalogue/forms/" + id + "/rollup";
		this.mvc.perform(get(rollup).with(httpBasic("township", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nodes[0].code").value(COUNTY))
			.andExpect(jsonPath("$.nodes[0].drill").value(false));
		this.mvc.perform(get(rollup).param("unit", BACHUAN).with(httpBasic("township", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.trail[0].open").value(false))
			.andExpect(jsonPath("$.trail[1].open").value(true));
		this.mvc.perform(get(rollup).param("unit", COUNTY).with(httpBasic("township", "jianfu-demo")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("catalogue.rollup.unit.not-found"));
		this.mvc.perform(get(rollup + ".xlsx").param("unit", COUNTY).with(httpBasic("township", "jianfu-demo")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/catalogue/forms/" + id + "/rollup").param("unit", COUNTY)
				.with(user(this.accounts.loadUserByUsername("township"))))
			.andExpect(status().isNotFound());
		// the county's gatekeeper may open it; a unit in scope but not in the form may
		// not
		this.mvc.perform(get(rollup).param("unit", COUNTY).with(httpBasic("gatekeeper", "jianfu-demo")))
			.andExpect(status().isOk());
		this.mvc.perform(get(rollup).param("unit", "500151003000").with(httpBasic("gatekeeper", "jianfu-demo")))
			.andExpect(status().isNotFound());
		// another county's issuer sees nothing; a malformed code says what is wrong
		this.mvc.perform(get(rollup).param("unit", BACHUAN).with(httpBasic("kaizhou.issuer", "jianfu-demo")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(rollup).param("unit", "5001'--").with(httpBasic("gatekeeper", "jianfu-demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalogue.rollup.unit"))
			.andExpect(jsonPath("$.message_zh").value(Matchers.containsString("12 位")));
	}

	@Test
	void theExcelExportReadsBackWithBilingualHeadersNumbersAndNoFormula() throws Exception {
		long id = submittedForm(COUNTY, "2037-03", "=HYPERLINK(\"http://x\")低保户数");
		byte[] xlsx = this.mvc
			.perform(get("/api/v1/catalogue/forms/" + id + "/rollup.xlsx").with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("汇总");
			Row header = sheet.getRow(1);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("单位代码 Unit code");
			assertThat(header.getCell(4).getStringCellValue()).isEqualTo("应报 Expected");
			Cell formulaLike = header.getCell(RollupExports.HEADERS.size());
			assertThat(formulaLike.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")低保户数 [MZ-0004]");
			assertThat(formulaLike.getCellStyle().getQuotePrefixed()).isTrue();
			Map<String, Row> rows = new HashMap<>();
			for (Row row : sheet) {
				for (Cell cell : row) {
					assertThat(cell.getCellType()).as(cell.getAddress().formatAsString())
						.isNotEqualTo(CellType.FORMULA);
				}
				if (row.getRowNum() >= 2) {
					rows.put(row.getCell(0).getStringCellValue(), row);
				}
			}
			assertThat(rows).containsOnlyKeys(COUNTY, BACHUAN, DONGCHENG, VILLAGE_A, VILLAGE_B, VILLAGE_C);
			Row county = rows.get(COUNTY);
			assertThat(county.getCell(1).getStringCellValue()).isEqualTo("铜梁区");
			assertThat(county.getCell(4).getNumericCellValue()).isEqualTo(3);
			assertThat(county.getCell(7).getNumericCellValue()).isEqualTo(1.0);
			assertThat(county.getCell(RollupExports.HEADERS.size()).getNumericCellValue()).isEqualTo(25);
			assertThat(county.getCell(RollupExports.HEADERS.size() + 1).getNumericCellValue()).isEqualTo(60);
			assertThat(rows.get(VILLAGE_A).getCell(3).getStringCellValue()).isEqualTo(BACHUAN);
		}
		// drilled down, the workbook holds what the page shows
		byte[] drilled = this.mvc
			.perform(get("/api/v1/catalogue/forms/" + id + "/rollup.xlsx").param("unit", BACHUAN)
				.with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(drilled))) {
			Sheet sheet = workbook.getSheet("汇总");
			assertThat(sheet.getLastRowNum()).isEqualTo(4);
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(BACHUAN);
			assertThat(sheet.getRow(2).getCell(RollupExports.HEADERS.size()).getNumericCellValue()).isEqualTo(20);
		}
	}

	@Test
	void theAdxExportReadsBackOneGroupPerUnitWithItsValues() throws Exception {
		long id = submittedForm(COUNTY, "2037-04", "低保户数");
		byte[] adx = this.mvc
			.perform(get("/api/v1/catalogue/forms/" + id + "/rollup.adx").with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/adx+xml"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(adx));
		Element root = document.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("adx");
		assertThat(root.getNamespaceURI()).isEqualTo(RollupExports.ADX_NAMESPACE);
		assertThat(Instant.parse(root.getAttribute("exported"))).isBeforeOrEqualTo(Instant.now());
		NodeList groups = root.getElementsByTagNameNS(RollupExports.ADX_NAMESPACE, "group");
		assertThat(groups.getLength()).isEqualTo(6);
		Map<String, Map<String, String>> byUnit = new HashMap<>();
		for (int g = 0; g < groups.getLength(); g++) {
			Element group = (Element) groups.item(g);
			assertThat(group.getAttribute("period")).isEqualTo("2037-04-01/P1M");
			assertThat(group.getAttribute("dataSet")).isEqualTo("JIANFU-FORM-" + id);
			Map<String, String> values = new HashMap<>();
			NodeList dataValues = group.getElementsByTagNameNS(RollupExports.ADX_NAMESPACE, "dataValue");
			for (int v = 0; v < dataValues.getLength(); v++) {
				Element value = (Element) dataValues.item(v);
				values.put(value.getAttribute("dataElement"), value.getAttribute("value"));
			}
			byUnit.put(group.getAttribute("orgUnit"), values);
		}
		assertThat(byUnit.get(VILLAGE_A)).containsExactlyInAnyOrderEntriesOf(Map.of("MZ-0004", "12", "MZ-0009", "30"));
		assertThat(byUnit.get(BACHUAN)).containsExactlyInAnyOrderEntriesOf(Map.of("MZ-0004", "20", "MZ-0009", "50"));
		assertThat(byUnit.get(COUNTY)).containsExactlyInAnyOrderEntriesOf(Map.of("MZ-0004", "25", "MZ-0009", "60"));
		// drilled down to 东城街道: the township and its one village
		byte[] drilled = this.mvc
			.perform(get("/api/v1/catalogue/forms/" + id + "/rollup.adx").param("unit", DONGCHENG)
				.with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		NodeList few = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(drilled))
			.getElementsByTagNameNS(RollupExports.ADX_NAMESPACE, "group");
		assertThat(few.getLength()).isEqualTo(2);
		assertThat(((Element) few.item(1)).getAttribute("orgUnit")).isEqualTo(VILLAGE_C);
	}

	@Test
	void adxPeriodsAreIsoStartAndDurationAndAOneOffFormIsRefused() {
		assertThat(RollupExports.adxPeriod(PeriodType.MONTH, "2026-11")).isEqualTo("2026-11-01/P1M");
		assertThat(RollupExports.adxPeriod(PeriodType.QUARTER, "2026Q3")).isEqualTo("2026-07-01/P3M");
		assertThat(RollupExports.adxPeriod(PeriodType.QUARTER, "2026Q4")).isEqualTo("2026-10-01/P3M");
		assertThat(RollupExports.adxPeriod(PeriodType.YEAR, "2026")).isEqualTo("2026-01-01/P1Y");
		assertThatThrownBy(() -> RollupExports.adxPeriod(PeriodType.ONCE, "ONCE")).isInstanceOfSatisfying(Problem.class,
				problem -> assertThat(problem.code()).isEqualTo("catalogue.rollup.adx-once"));
	}

	@Test
	void aCityIssuersRollUpReachesTheCityWhereTheOrgTreeHasOne() throws Exception {
		long id = submittedForm(CITY, "2037-05", "低保户数");
		this.mvc
			.perform(get("/api/v1/catalogue/forms/" + id + "/rollup").param("unit", CITY)
				.with(httpBasic("admin", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nodes[0].code").value(CITY))
			.andExpect(jsonPath("$.nodes[0].level").value(2))
			.andExpect(jsonPath("$.nodes[0].name").value("市辖区"))
			.andExpect(jsonPath("$.nodes[0].values['MZ-0004']").value("25"))
			.andExpect(jsonPath("$.nodes[1].code").value(COUNTY))
			.andExpect(jsonPath("$.nodes.length()").value(2));
		// a county's form still stops at the county
		long county = submittedForm(COUNTY, "2037-06", "低保户数");
		this.mvc.perform(get("/api/v1/catalogue/forms/" + county + "/rollup").with(httpBasic("admin", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.nodes[0].code").value(COUNTY));
	}

	@Test
	void theSummaryOfEnteredValuesFollowsSubmittedSheetsPerHigherUnitWithinScope() throws Exception {
		submittedForm(COUNTY, "2037-07", "低保户数");
		String summary = "/api/v1/catalogue/summary";
		this.mvc
			.perform(get(summary).param("indicator", "MZ-0004")
				.param("period", "2037-07")
				.with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].unitCode").value(COUNTY))
			.andExpect(jsonPath("$[0].total").value("25"))
			.andExpect(jsonPath("$[0].reported").value(3))
			.andExpect(jsonPath("$[1].unitCode").value(BACHUAN))
			.andExpect(jsonPath("$[1].total").value("20"))
			.andExpect(jsonPath("$[2].unitCode").value(DONGCHENG))
			.andExpect(jsonPath("$[2].total").value("5"));
		// the city row exists but lies outside the county's scope; the administrator sees
		// it
		this.mvc
			.perform(get(summary).param("indicator", "MZ-0004")
				.param("period", "2037-07")
				.with(httpBasic("admin", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].unitCode").value(CITY))
			.andExpect(jsonPath("$[0].total").value("25"));
		// a village corrects its figure: the next read re-counts the cells above it
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("update catalogue_value set value_text = '15', updated_at = :now where indicator_code = 'MZ-0004' and"
					+ " unit_code = :unit and period = '2037-07'")
			.param("unit", VILLAGE_A)
			.param("now", now)
			.update();
		this.jdbc
			.sql("update catalogue_sheet set version = 2, updated_at = :now where unit_code = :unit and demand_id in"
					+ " (select demand_id from catalogue_form where period = '2037-07')")
			.param("unit", VILLAGE_A)
			.param("now", now)
			.update();
		this.mvc
			.perform(get(summary).param("indicator", "MZ-0004")
				.param("period", "2037-07")
				.param("under", BACHUAN)
				.with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].unitCode").value(BACHUAN))
			.andExpect(jsonPath("$[0].total").value("23"));
		this.mvc
			.perform(get(summary).param("indicator", "MZ-0004")
				.param("period", "2037-07")
				.with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(jsonPath("$[0].total").value("28"));
		// another county sees none of it; a malformed unit says so
		this.mvc
			.perform(get(summary).param("indicator", "MZ-0004")
				.param("period", "2037-07")
				.with(httpBasic("kaizhou.issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(content().json("[]"));
		this.mvc
			.perform(get(summary).param("indicator", "MZ-0004")
				.param("period", "2037-07")
				.param("under", "巴川")
				.with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalogue.values.under"));
	}

	@Test
	void theCsvAndDhis2ExportsTakeAUnitToo() throws Exception {
		long id = submittedForm(COUNTY, "2037-08", "低保户数");
		String base = "/api/v1/catalogue/forms/" + id;
		String csv = this.mvc
			.perform(get(base + "/rollup.csv").param("unit", BACHUAN).with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().skip(1).map(l -> l.substring(0, 12)).toList()).containsExactly(BACHUAN, VILLAGE_A,
				VILLAGE_B);
		this.mvc.perform(get(base + "/dataValueSets").param("unit", BACHUAN).with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dataValues.length()").value(4))
			.andExpect(jsonPath("$.dataValues[*].orgUnit")
				.value(Matchers.everyItem(Matchers.oneOf(VILLAGE_A, VILLAGE_B))));
		this.mvc.perform(get(base + "/dataValueSets").with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(jsonPath("$.dataValues.length()").value(6));
		// the same refusals as the roll-up
		this.mvc
			.perform(get(base + "/rollup.csv").param("unit", BACHUAN).with(httpBasic("kaizhou.issuer", "jianfu-demo")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(
					get(base + "/dataValueSets").param("unit", "500151003000").with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("catalogue.rollup.unit.not-found"));
		this.mvc.perform(get(base + "/rollup.csv").param("unit", "巴川").with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("catalogue.rollup.unit"));
	}

	@Test
	void thePageOfAFormWithManyVillagesOpensAtTheCountyAndItsTownships() throws Exception {
		long id = submittedForm(COUNTY, "2037-09", "低保户数");
		// more villages of 巴川街道 than the page lists in one table (codes the org tree
		// need not hold)
		var more = java.util.stream.IntStream.range(0, cn.jianfu.catalogue.internal.Rollup.ONE_TABLE_MAX_RECIPIENTS)
			.mapToObj(i -> "500151001" + (900 + i))
			.toList();
		for (String village : more) {
			this.jdbc.sql("insert into catalogue_form_recipient (demand_id, unit_code) values (:id, :unit)")
				.param("id", id)
				.param("unit", village)
				.update();
		}
		var issuer = user(this.accounts.loadUserByUsername("issuer"));
		// the county and its townships with their completeness; no village
		this.mvc.perform(get("/catalogue/forms/" + id + "/rollup").with(issuer))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("/rollup?unit=" + BACHUAN)))
			.andExpect(content().string(Matchers.containsString("/rollup?unit=" + DONGCHENG)))
			.andExpect(content().string(Matchers.containsString("rollup.csv?unit=" + COUNTY)))
			.andExpect(content().string(Matchers.not(Matchers.containsString("东方社区"))))
			.andExpect(content().string(Matchers.containsString("<td>" + (3 + more.size()) + "</td>")));
		// a township's link opens its villages
		this.mvc.perform(get("/catalogue/forms/" + id + "/rollup").param("unit", BACHUAN).with(issuer))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("东方社区")));
		// the API without a unit still gives every node
		this.mvc.perform(get("/api/v1/catalogue/forms/" + id + "/rollup").with(httpBasic("issuer", "jianfu-demo")))
			.andExpect(jsonPath("$.unit").doesNotExist())
			.andExpect(jsonPath("$.nodes[?(@.code == '" + VILLAGE_A + "')]").isNotEmpty());
		// a township issuer, who cannot open the county above its villages, keeps the one
		// table
		long own = submittedForm(BACHUAN, "2037-10", "低保户数");
		for (String village : more) {
			this.jdbc.sql("insert into catalogue_form_recipient (demand_id, unit_code) values (:id, :unit)")
				.param("id", own)
				.param("unit", village)
				.update();
		}
		this.mvc
			.perform(
					get("/catalogue/forms/" + own + "/rollup").with(user(this.accounts.loadUserByUsername("township"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("东方社区")));
	}

}
