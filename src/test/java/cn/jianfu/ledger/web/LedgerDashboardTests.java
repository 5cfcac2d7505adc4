package cn.jianfu.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import cn.jianfu.DatabaseTest;
import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.ledger.internal.Dashboards;
import cn.jianfu.ledger.internal.LedgerEntries;
import cn.jianfu.ledger.internal.Table;

/**
 * The dashboards over a ledger seeded for 2031 (and 2030, for the change from last year),
 * years no other test writes.
 */
@DatabaseTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerDashboardTests {

	static final String PASSWORD = "jianfu-demo";

	static final String TONGLIANG = "500151000000";

	static final String BACHUAN = "500151001000";

	static final String DONGFANG = "500151001001";

	static final AtomicLong IDS = new AtomicLong(7_000_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	LedgerEntries entries;

	@Autowired
	Dashboards dashboards;

	@Autowired
	JdbcClient jdbc;

	long parentId;

	@BeforeAll
	void seed() {
		this.parentId = issue(DemandKind.DOCUMENT, Map.of("other.hours", "0"), LocalDate.of(2031, 3, 5), null,
				TONGLIANG);
		issue(DemandKind.OTHER, Map.of("other.hours", "81"), LocalDate.of(2031, 3, 20), this.parentId, BACHUAN);
		issue(DemandKind.OTHER, Map.of("other.hours", "5"), LocalDate.of(2031, 3, 20), this.parentId, DONGFANG);
		issue(DemandKind.DATA_REQUEST, Map.of("form.fields", "30"), LocalDate.of(2031, 6, 1), null, BACHUAN, DONGFANG);
		issue(DemandKind.MEETING, Map.of("meeting.minutes", "60"), LocalDate.of(2030, 6, 1), null, BACHUAN);
		long refused = issue(DemandKind.CAMPAIGN, Map.of(), LocalDate.of(2031, 7, 1), null, BACHUAN);
		this.entries.update(this.entries.find(refused, BACHUAN).orElseThrow(), "REFUSED", null, "无依据",
				java.sql.Timestamp.from(Instant.now()));
	}

	long issue(DemandKind kind, Map<String, String> details, LocalDate due, Long parent, String... recipients) {
		long id = IDS.incrementAndGet();
		DemandSnapshot demand = new DemandSnapshot(id, kind, "测试事项 " + id, "正文内容", "民政", null, TONGLIANG, null,
				"issuer", List.of(recipients), due, null, parent, false, false, parent != null, false, null, details);
		this.entries.record(new DemandIssued(id, "JF-500151-2031-" + id, demand, Instant.now()));
		return id;
	}

	Dashboards.Filter tongliang() {
		String path = this.jdbc.sql("select path from unit where code = :c")
			.param("c", TONGLIANG)
			.query(String.class)
			.single();
		return new Dashboards.Filter(path + "%", null, null, TONGLIANG);
	}

	BigDecimal sqlSum(String extra) {
		return this.jdbc.sql(
				"select coalesce(sum(e.estimated_hours), 0) from ledger_entry e join unit u on u.code = e.recipient_unit_code"
						+ " where u.path like :p and e.period_year = 2031 and e.status <> 'REFUSED'" + extra)
			.param("p", tongliang().pathPattern())
			.query(BigDecimal.class)
			.single();
	}

	@Test
	void dashboardTotalsEqualTheSumOfLedgerEntries() {
		Table kinds = this.dashboards.table("kinds", tongliang(), 2031);
		assertThat(kinds.sum(2)).isEqualByComparingTo(sqlSum(""));
		Table townships = this.dashboards.table("townships", tongliang(), 2031);
		assertThat(townships.sum(13)).isEqualByComparingTo(sqlSum(" and u.level = 4"));
		Table issuers = this.dashboards.table("issuers", tongliang(), 2031);
		assertThat(issuers.sum(2)).isEqualByComparingTo(sqlSum(""));
		assertThat(sqlSum("")).isEqualByComparingTo("92");
	}

	@Test
	void anIssuersOwnViewComputesTheSameTotalsFromItsEntries() {
		Dashboards.Filter own = new Dashboards.Filter(tongliang().pathPattern(), TONGLIANG, null, TONGLIANG);
		assertThat(this.dashboards.table("kinds", own, 2031).sum(2)).isEqualByComparingTo(sqlSum(""));
		assertThat(this.dashboards.table("issuers", own, 2031).sum(2)).isEqualByComparingTo("92");
		assertThat(this.dashboards.table("townships", own, 2031).sum(13))
			.isEqualByComparingTo(sqlSum(" and u.level = 4"));
		Dashboards.Filter other = new Dashboards.Filter(tongliang().pathPattern(), "500154000000", null, TONGLIANG);
		assertThat(this.dashboards.table("kinds", other, 2031).rows()).isEmpty();
	}

	@Test
	@WithUserDetails("issuer")
	void issuerSeesTheLedgerOfItsOwnDemands() throws Exception {
		this.mvc.perform(get("/ledger?year=2031"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本单位发出的事项")));
	}

	@Test
	@WithUserDetails("village")
	void grassrootsAccountsHaveNoDashboard() throws Exception {
		this.mvc.perform(get("/ledger?year=2031")).andExpect(status().isForbidden());
	}

	@Test
	void overrunsNameTheTownshipOverItsBudget() {
		Table overruns = this.dashboards.table("overruns", tongliang(), 2031);
		assertThat(overruns.rows()).anySatisfy(row -> {
			assertThat(row.get(0).text()).isEqualTo("巴川街道");
			assertThat(row.get(1).key()).isEqualTo("ledger.month.3");
			assertThat(new BigDecimal(row.get(4).number().toString())).isEqualByComparingTo("1");
		});
	}

	@Test
	void cascadesShowTheFanOutOfAParent() {
		Table cascades = this.dashboards.table("cascades", tongliang(), 2031);
		assertThat(cascades.rows()).anySatisfy(row -> {
			assertThat(row.get(0).text()).isEqualTo("JF-500151-2031-" + this.parentId);
			assertThat(row.get(1).number().longValue()).isEqualTo(2);
			assertThat(row.get(3).number().longValue()).isEqualTo(1);
			assertThat(row.get(4).number().longValue()).isEqualTo(1);
		});
	}

	@Test
	void changeFromLastYearComparesIssuerHours() {
		Table change = this.dashboards.table("change", tongliang(), 2031);
		assertThat(change.rows()).anySatisfy(row -> {
			assertThat(row.get(2).number().doubleValue()).isEqualTo(92.0);
			assertThat(row.get(4).number().doubleValue()).isEqualTo(2.5);
			assertThat(row.get(6).key()).isEqualTo("ledger.change.up");
		});
	}

	@Test
	void refusalsAreCountedAndListedWithTheirReasons() {
		assertThat(this.dashboards.counts(tongliang(), 2031)).containsEntry("refusals", 1L);
		assertThat(this.dashboards.table("refusals", tongliang(), 2031).rows()).singleElement()
			.satisfies(row -> assertThat(row.get(3).text()).isEqualTo("无依据"));
	}

	@Test
	void unitApiGivesHoursByMonthAndKind() throws Exception {
		this.mvc.perform(get("/api/v1/ledger/units/{c}?year=2031", BACHUAN).with(httpBasic("gatekeeper", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.months[?(@.month == 3 && @.kind == 'OTHER')].estimatedHours").value(81.0))
			.andExpect(jsonPath("$.months[?(@.month == 6 && @.kind == 'DATA_REQUEST')].estimatedHours").value(3.0));
	}

	@Test
	void unitOutsideScopeIsNotFound() throws Exception {
		this.mvc.perform(get("/api/v1/ledger/units/{c}?year=2031", BACHUAN).with(httpBasic("kaizhou.issuer", PASSWORD)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("unit.not-found"));
	}

	@Test
	void grassrootsCannotReadTheJurisdictionsLedger() throws Exception {
		this.mvc.perform(get("/api/v1/ledger/units/{c}?year=2031", DONGFANG).with(httpBasic("village", PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("gatekeeper")
	void dashboardPageShowsEveryTableWithItsNumbers() throws Exception {
		this.mvc.perform(get("/ledger?year=2031"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("townships-table")))
			.andExpect(content().string(containsString("巴川街道")))
			.andExpect(content().string(containsString("data-chart-type=\"heatmap\"")));
		this.mvc.perform(get("/ledger/report?year=2031")).andExpect(status().isOk());
		this.mvc.perform(get("/ledger/demands?year=2031&unit=" + BACHUAN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("JF-500151-2031-")));
	}

	@Test
	@WithUserDetails("gatekeeper")
	void exportsAreCsvAndExcelAndAudited() throws Exception {
		long before = exports();
		byte[] csv = this.mvc.perform(get("/ledger/export/kinds.csv?year=2031"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("jianfu-kinds-2031.csv")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(csv, StandardCharsets.UTF_8)).contains("类型").contains("报表");
		byte[] xlsx = this.mvc.perform(get("/ledger/export/townships.xlsx?year=2031"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
		assertThat(exports()).isEqualTo(before + 2);
	}

	long exports() {
		return this.jdbc.sql("select count(*) from audit_event where event_type = 'export' and object like 'ledger:%'")
			.query(Long.class)
			.single();
	}

}
