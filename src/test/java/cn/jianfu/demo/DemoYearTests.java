package cn.jianfu.demo;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import cn.jianfu.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The demo year on a fresh database: the dashboards have numbers for the county's
 * townships this year and last, the {@code village} account has a sheet to fill, the gate
 * has blocked and issued demands, and running it again adds nothing.
 */
@DatabaseTest(properties = { "jianfu.demo.scenario=true", "jianfu.test.own-database=true" })
@AutoConfigureMockMvc
class DemoYearTests {

	private static final String PASSWORD = "jianfu-demo";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoYear demoYear;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void dashboardsHaveNumbersAndASecondStartAddsNothing() throws Exception {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		// The ledger's entries follow each issue after its commit.
		assertThat(eventually(() -> demanded("500151001000", year) > 0)).as("巴川街道 this year").isTrue();
		assertThat(demanded("500151001000", year - 1)).as("巴川街道 last year").isPositive();
		assertThat(demanded("500151001001", year)).as("东方社区 this year").isPositive();

		JsonNode sheets = read("village", "/api/v1/catalogue/entry");
		assertThat(sheets.findValuesAsString("status")).contains("OPEN", "SUBMITTED");
		long open = sheets.valueStream().filter(s -> "OPEN".equals(s.get("status").asString())).count();
		assertThat(open).isPositive();

		assertThat(total("RETURNED")).as("blocked at the gate").isPositive();
		assertThat(total("ISSUED")).as("issued").isGreaterThan(10);
		assertThat(total("REJECTED")).as("rejected by the gatekeeper").isPositive();
		assertThat(total("JUSTIFIED")).as("waiting for the gatekeeper").isPositive();
		assertThat(count("select count(*) from ledger_entry where status = 'REFUSED'")).as("refused").isPositive();
		assertThat(count("select count(*) from ledger_entry where status = 'DONE' and actual_hours > 0"))
			.as("done with hours logged")
			.isPositive();

		long demands = count("select count(*) from demand");
		long entries = count("select count(*) from ledger_entry");
		long reports = count("select count(*) from ungated_report");
		this.demoYear.run(new DefaultApplicationArguments());
		assertThat(count("select count(*) from demand")).isEqualTo(demands);
		assertThat(count("select count(*) from ledger_entry")).isEqualTo(entries);
		assertThat(count("select count(*) from ungated_report")).isEqualTo(reports);
	}

	private double demanded(String unit, int year) throws Exception {
		return read("gatekeeper", "/api/v1/ledger/units/" + unit + "?year=" + year).get("hours")
			.get("demanded")
			.asDouble();
	}

	private long total(String status) throws Exception {
		return read("gatekeeper", "/api/v1/demands?status=" + status).get("total").asLong();
	}

	private JsonNode read(String account, String path) throws Exception {
		String body = this.mvc.perform(get(path).with(httpBasic(account, PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private interface Check {

		boolean ok() throws Exception;

	}

	private static boolean eventually(Check condition) throws Exception {
		for (int i = 0; i < 200; i++) {
			if (condition.ok()) {
				return true;
			}
			Thread.sleep(50);
		}
		return false;
	}

}
