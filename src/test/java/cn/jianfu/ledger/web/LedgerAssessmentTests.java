package cn.jianfu.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
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
 * The burden-consistency assessment score beside the measured burden, over entries due in
 * 2033, a year no other test writes.
 */
@DatabaseTest
@AutoConfigureMockMvc
class LedgerAssessmentTests {

	static final String TONGLIANG = "500151000000";

	static final String BACHUAN = "500151001000";

	static final AtomicLong IDS = new AtomicLong(7_300_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	LedgerEntries entries;

	@Autowired
	Dashboards dashboards;

	@Autowired
	JdbcClient jdbc;

	long issue(@Nullable Integer score) {
		long id = IDS.incrementAndGet();
		DemandSnapshot demand = new DemandSnapshot(id, DemandKind.OTHER, "评估事项 " + id, "正文内容", "民政", null, TONGLIANG,
				null, "issuer", List.of(BACHUAN), LocalDate.of(2033, 4, 1), null, null, false, false, false, false,
				score, Map.of("other.hours", "7"));
		this.entries.record(new DemandIssued(id, "JF-500151-2033-" + id, demand, Instant.now()));
		return id;
	}

	@Test
	@WithUserDetails("gatekeeper")
	void theDrillDownShowsEachDemandsAssessmentScoreBesideItsHours() throws Exception {
		long scored = issue(62);
		long unscored = issue(null);
		assertThat(this.jdbc.sql("select assessment_score from ledger_entry where demand_id = :d")
			.param("d", scored)
			.query(Integer.class)
			.single()).isEqualTo(62);
		String path = this.jdbc.sql("select path from unit where code = :c")
			.param("c", TONGLIANG)
			.query(String.class)
			.single();
		Table table = this.dashboards.demands(new Dashboards.Filter(path + "%", null, null, TONGLIANG), 2033, BACHUAN,
				null);
		int column = table.headerKeys().indexOf("ledger.col.assessment");
		assertThat(column).isEqualTo(table.headerKeys().indexOf("ledger.actual") + 1);
		List<Table.Cell> scoredRow = row(table, "JF-500151-2033-" + scored);
		assertThat(scoredRow.get(4).number()).isNotNull();
		assertThat(scoredRow.get(column).number()).isEqualTo(62);
		assertThat(row(table, "JF-500151-2033-" + unscored).get(column).text()).isEqualTo("—");
		this.mvc.perform(get("/ledger/demands?year=2033&unit=" + BACHUAN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("一致性评估得分")))
			.andExpect(content().string(containsString("JF-500151-2033-" + scored)))
			.andExpect(content().string(containsString(">62</td>")));
		this.mvc.perform(get("/ledger/demands?year=2033&unit=" + BACHUAN + "&lang=en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Consistency assessment score")));
	}

	static List<Table.Cell> row(Table table, String gateNumber) {
		return table.rows().stream().filter(r -> gateNumber.equals(r.get(0).text())).findFirst().orElseThrow();
	}

}
