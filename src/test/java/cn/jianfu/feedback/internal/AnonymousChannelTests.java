package cn.jianfu.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import cn.jianfu.DatabaseTest;
import cn.jianfu.platform.FileStore;

/**
 * RELIABILITY rows 13 and 14 through the web: a report sent with a marker IP address,
 * User-Agent, forwarding headers and cookie leaves no trace of them in the log output
 * (with Spring's web and security logging at DEBUG), in any text column of any table (the
 * audit log and the event registry included) or in the response; the channel sets no
 * cookie and answers no-store and no-referrer; an attachment keeps none of its planted
 * metadata on disk; guessing receipt codes is throttled.
 */
@DatabaseTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class AnonymousChannelTests {

	static final String IP = "198.51.100.203";

	static final String FORWARDED = "203.0.113.177";

	static final String AGENT = "Mozilla/5.0 MARKER-UA-93d1";

	static final String COOKIE = "MARKER-COOKIE-5a2";

	static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\">(\\d{4} \\d{4} \\d{4} \\d{4})<");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportThrottle throttle;

	@Autowired
	LoggingSystem logging;

	@BeforeEach
	@AfterEach
	void fillBuckets() {
		this.throttle.reset();
	}

	private <T extends AbstractMockHttpServletRequestBuilder<T>> T traced(T request) {
		request.with(r -> {
			r.setRemoteAddr(IP);
			r.setRemoteHost("host-" + IP);
			return r;
		});
		request.header("User-Agent", AGENT)
			.header("X-Forwarded-For", FORWARDED)
			.header("X-Real-IP", FORWARDED)
			.header("Referer", "https://intranet.example/MARKER-REFERER")
			.cookie(new Cookie("tracker", COOKIE), new Cookie("JSESSIONID", "MARKER-SESSION"));
		return request;
	}

	@Test
	void aReportLeavesNoTraceOfItsSenderInLogsDatabaseAuditOrResponse(CapturedOutput output) throws Exception {
		List<String> loggers = List.of("org.springframework.web", "org.springframework.security", "cn.jianfu");
		loggers.forEach(name -> this.logging.setLogLevel(name, LogLevel.DEBUG));
		List<MockHttpServletResponse> responses = new ArrayList<>();
		try {
			responses.add(this.mvc.perform(traced(get("/report"))).andReturn().getResponse());
			byte[] jpeg = MetadataStripperTests.jpegWithExif();
			MockHttpServletResponse sent = this.mvc
				.perform(traced(multipart("/report")
					.file(new MockMultipartFile("files", "MARKER-FILENAME.jpg", "image/jpeg", jpeg))
					.param("token", FormTokens.issue())
					.param("category", "DATA")
					.param("text", "痕迹测试：同一组数据反复要求报送")
					.param("place", "500151000000")))
				.andReturn()
				.getResponse();
			responses.add(sent);
			assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(200);
			Matcher receipt = RECEIPT.matcher(sent.getContentAsString(StandardCharsets.UTF_8));
			assertThat(receipt.find()).isTrue();
			String code = receipt.group(1);
			responses.add(this.mvc
				.perform(traced(post("/report/follow")).param("token", FormTokens.issue()).param("code", code))
				.andReturn()
				.getResponse());
			responses.add(
					this.mvc
						.perform(traced(post("/api/v1/reports/follow")).contentType(MediaType.APPLICATION_JSON)
							.content("{\"code\":\"" + code.replace(" ", "") + "\"}"))
						.andReturn()
						.getResponse());
			responses.add(this.mvc
				.perform(traced(multipart("/api/v1/reports")).param("category", "MEETINGS").param("text", "API 痕迹测试"))
				.andReturn()
				.getResponse());
		}
		finally {
			loggers.forEach(name -> this.logging.setLogLevel(name, null));
		}
		for (MockHttpServletResponse response : responses) {
			assertThat(response.getStatus()).isLessThan(300);
			assertThat(response.getHeaders("Set-Cookie")).isEmpty();
			assertThat(response.getCookies()).isEmpty();
			assertThat(response.getHeader("Cache-Control")).contains("no-store");
			assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		}
		List<String> markers = List.of(IP, FORWARDED, "MARKER-UA", COOKIE, "MARKER-SESSION", "MARKER-REFERER",
				"MARKER-FILENAME", "MARKER-EXIF");
		assertThat(output.getAll()).as("the log at DEBUG was captured").contains("/report");
		for (String marker : markers) {
			assertThat(output.getAll()).as("log output").doesNotContain(marker);
			for (MockHttpServletResponse response : responses) {
				assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(marker);
			}
		}
		assertThat(tablesHolding(markers)).as("text columns holding a marker").isEmpty();
		assertThat(tablesHolding(List.of("痕迹测试"))).as("the report itself was stored").isNotEmpty();
	}

	@Test
	void storedAttachmentsKeepNoneOfTheirMetadata() throws Exception {
		byte[] jpeg = MetadataStripperTests.jpegWithExif();
		MockHttpServletResponse sent = this.mvc
			.perform(multipart("/api/v1/reports").file(new MockMultipartFile("files", "photo.jpg", "image/jpeg", jpeg))
				.param("category", "INSPECTIONS")
				.param("text", "附件测试"))
			.andReturn()
			.getResponse();
		assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(201);
		String stored = this.jdbc
			.sql("select a.stored_id from feedback_attachment a join feedback_report r on r.id = a.report_id"
					+ " where r.body = '附件测试'")
			.query(String.class)
			.single();
		byte[] bytes = java.nio.file.Files.readAllBytes(this.files.path("feedback", stored));
		MetadataStripperTests.assertNoMarker(Map.of(stored, bytes));
		assertThat(MetadataStripper.strip(bytes).kind()).isEqualTo(MetadataStripper.Kind.JPEG);
	}

	@Autowired
	FileStore files;

	@Test
	void refusesAFormWithoutAValidTokenAndAFineGrainedPlace() throws Exception {
		MockHttpServletResponse noToken = this.mvc
			.perform(post("/report").param("category", "DATA").param("text", "无令牌"))
			.andReturn()
			.getResponse();
		assertThat(noToken.getStatus()).isEqualTo(400);
		assertThat(noToken.getContentAsString(StandardCharsets.UTF_8)).contains("页面已过期");
		MockHttpServletResponse village = this.mvc
			.perform(multipart("/api/v1/reports").param("category", "DATA")
				.param("text", "太细")
				.param("place", "500151001001"))
			.andReturn()
			.getResponse();
		assertThat(village.getStatus()).isEqualTo(400);
		assertThat(village.getContentAsString(StandardCharsets.UTF_8)).contains("report.place.too-fine");
		MockHttpServletResponse text = this.mvc
			.perform(multipart("/api/v1/reports")
				.file(new MockMultipartFile("files", "a.txt", "text/plain", "plain".getBytes(StandardCharsets.UTF_8)))
				.param("category", "DATA")
				.param("text", "文本附件"))
			.andReturn()
			.getResponse();
		assertThat(text.getStatus()).isEqualTo(400);
		assertThat(text.getContentAsString(StandardCharsets.UTF_8)).contains("report.attachment.type");
		assertThat(this.jdbc.sql("select count(*) from feedback_report where body in ('无令牌', '太细', '文本附件')")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void bruteForceLookupsAreThrottledForEveryone() throws Exception {
		Random random = new Random(14L);
		int notFound = 0;
		int throttled = 0;
		long start = System.nanoTime();
		for (int i = 0; i < 150; i++) {
			String guess = String.format("%016d", random.nextLong(10_000_000_000_000_000L));
			int status = this.mvc
				.perform(post("/api/v1/reports/follow").contentType(MediaType.APPLICATION_JSON)
					.content("{\"code\":\"" + guess + "\"}"))
				.andReturn()
				.getResponse()
				.getStatus();
			if (status == 404) {
				notFound++;
			}
			else if (status == 429) {
				throttled++;
			}
		}
		long seconds = (System.nanoTime() - start) / 1_000_000_000L + 1;
		assertThat(notFound).as("answered guesses: a burst of 100, then one a second")
			.isBetween(100, 100 + (int) seconds);
		assertThat(throttled).as("throttled guesses").isEqualTo(150 - notFound);
		MockHttpServletResponse page = this.mvc
			.perform(post("/report/follow").param("token", FormTokens.issue()).param("code", "1111222233334444"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(429);
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("请求太多");
	}

	/** Tables and columns of text type whose values contain one of the markers. */
	private List<String> tablesHolding(List<String> markers) {
		List<String> found = new ArrayList<>();
		List<String[]> columns = this.jdbc
			.sql("select table_name, column_name from information_schema.columns where lower(table_schema) ="
					+ " 'public' and (lower(data_type) like '%char%' or lower(data_type) = 'text'"
					+ " or lower(data_type) like '%clob%' or lower(data_type) like '%character large%')")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		assertThat(columns).as("text columns found").hasSizeGreaterThan(20);
		for (String[] column : columns) {
			for (String marker : markers) {
				long hits = this.jdbc
					.sql("select count(*) from \"" + column[0] + "\" where cast(\"" + column[1]
							+ "\" as varchar) like :marker")
					.param("marker", "%" + marker + "%")
					.query(Long.class)
					.single();
				if (hits > 0) {
					found.add(column[0] + "." + column[1] + " holds " + marker);
				}
			}
		}
		return found;
	}

}
