package cn.jianfu.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import cn.jianfu.DatabaseTest;

/**
 * RELIABILITY row 15 through the published API: seeded random distributions of reports
 * (each trial in a year of its own, far from real data) never publish a count below 5, by
 * category or by issuer, and no suppressed count can be worked out from the totals.
 */
@DatabaseTest
@AutoConfigureMockMvc
class StatisticsApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void randomDistributionsNeverPublishACountBelowFive() throws Exception {
		Random random = new Random(15L);
		ObjectMapper json = new ObjectMapper();
		List<String> issuers = List.of("铜梁区民政局", "铜梁区卫健委", "铜梁区教委", "铜梁区农业农村委", "铜梁区应急局");
		Category[] categories = Category.values();
		for (int year = 2081; year <= 2090; year++) {
			int reports = 10 + random.nextInt(250);
			for (int i = 0; i < reports; i++) {
				Category category = categories[Math.min(categories.length - 1,
						(int) Math.abs(random.nextGaussian() * 2))];
				String issuer = random.nextInt(4) == 0 ? null
						: issuers.get(Math.min(issuers.size() - 1, (int) Math.abs(random.nextGaussian() * 2)));
				LocalDate on = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
				this.jdbc
					.sql("insert into feedback_report (number, category, body, jurisdiction_path, received_on,"
							+ " receipt_hash, status, linked_issuer_name) values (:number, :category, '统计测试',"
							+ " '/500000000000/', :on, :hash, 'NEW', :issuer)")
					.param("number", "ST-" + year + "-" + i)
					.param("category", category.name())
					.param("on", on)
					.param("hash", Receipts.hash(year + "-" + i + "-" + random.nextLong()))
					.param("issuer", issuer)
					.update();
			}
			for (String by : List.of("category", "issuer")) {
				String body = this.mvc
					.perform(get("/api/v1/feedback/statistics").param("year", String.valueOf(year))
						.param("by", by)
						.with(httpBasic("village", "jianfu-demo")))
					.andReturn()
					.getResponse()
					.getContentAsString();
				JsonNode table = json.readTree(body);
				int rows = table.get("rows").size();
				Long[][] published = new Long[rows + 1][13];
				for (int i = 0; i < rows; i++) {
					for (int j = 0; j < 13; j++) {
						published[i][j] = value(table.get("cells").get(i).get(j));
					}
				}
				for (int j = 0; j < 12; j++) {
					published[rows][j] = value(table.get("monthTotals").get(j));
				}
				published[rows][12] = value(table.get("total"));
				for (int i = 0; i <= rows; i++) {
					for (int j = 0; j < 13; j++) {
						if (published[i][j] != null) {
							assertThat(published[i][j]).as(year + " " + by + " " + i + "," + j)
								.isGreaterThanOrEqualTo(5);
						}
						else {
							assertThat(SmallCellsTests.onCycle(published, i, j))
								.as(year + " " + by + ": " + i + "," + j + " recoverable")
								.isTrue();
						}
					}
				}
			}
		}
	}

	private static Long value(JsonNode node) {
		return node == null || node.isNull() ? null : node.asLong();
	}

}
