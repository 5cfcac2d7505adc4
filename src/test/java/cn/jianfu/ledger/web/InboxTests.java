package cn.jianfu.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.DatabaseTest;
import cn.jianfu.gate.DemandExpired;
import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.ledger.DemandRefused;
import cn.jianfu.ledger.UngatedDemandReported;
import cn.jianfu.ledger.WorkHoursLogged;
import cn.jianfu.ledger.internal.LedgerEntries;

@DatabaseTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class InboxTests {

	@Value("${jianfu.data-dir}")
	String dataDirectory;

	static final String PASSWORD = "jianfu-demo";

	static final String BACHUAN = "500151001000";

	@Autowired
	MockMvc mvc;

	@Autowired
	LedgerEntries entries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	TransactionTemplate transactions;

	long demandId;

	@BeforeEach
	void issueAFormToBachuan() {
		this.demandId = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
		DemandSnapshot form = new DemandSnapshot(this.demandId, DemandKind.DATA_REQUEST, "低保对象年审统计表", "请填报", "民政",
				"《社会救助暂行办法》第十一条", "500151000000", null, "issuer", List.of(BACHUAN), LocalDate.of(2026, 12, 10), null,
				null, false, false, false, false, null,
				Map.of("form.fields", "12", "form.prefilled", "8", "form.staff", "3"));
		this.entries.record(new DemandIssued(this.demandId, "JF-500151-2026-" + this.demandId, form, Instant.now()));
	}

	@Test
	void townshipSeesItsDemandWithGateNumberBasisAndEstimate() throws Exception {
		this.mvc.perform(get("/api/v1/inbox").with(httpBasic("township", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.demandId == %d)].gateNumber".formatted(this.demandId))
				.value("JF-500151-2026-" + this.demandId))
			.andExpect(jsonPath("$[?(@.demandId == %d)].legalBasis".formatted(this.demandId)).value("《社会救助暂行办法》第十一条"))
			.andExpect(jsonPath("$[?(@.demandId == %d)].estimatedHours".formatted(this.demandId)).value(1.6))
			.andExpect(jsonPath("$[?(@.demandId == %d)].explanationEn".formatted(this.demandId))
				.value("1.6 h = ((12 fields − 8 pre-filled) × 6 min + 8 pre-filled × 1 min) × 3 staff"));
	}

	@Test
	void anotherUnitCannotSeeOrActOnTheEntry() throws Exception {
		this.mvc.perform(get("/api/v1/inbox").with(httpBasic("village", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.demandId == %d)]".formatted(this.demandId)).isEmpty());
		this.mvc
			.perform(post("/api/v1/inbox/{d}/hours", this.demandId).with(httpBasic("village", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"hours\": 2}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("ledger-entry.not-found"));
		this.mvc.perform(post("/api/v1/inbox/{d}/done", this.demandId).with(httpBasic("village", PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void nonGrassrootsAccountsHaveNoInbox() throws Exception {
		this.mvc.perform(get("/api/v1/inbox").with(httpBasic("issuer", PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("inbox.not-grassroots"));
	}

	@Test
	void loggedHoursAddUpAndAreAnnounced() throws Exception {
		logHours("2").andExpect(status().isOk()).andExpect(jsonPath("$.actualHours").value(2));
		logHours("0.5").andExpect(status().isOk()).andExpect(jsonPath("$.actualHours").value(2.5));
		assertThat(this.entries.find(this.demandId, BACHUAN).orElseThrow().actualHours()).isEqualByComparingTo("2.5");
		assertThat(this.events.stream(WorkHoursLogged.class).filter(e -> e.demandId() == this.demandId))
			.extracting(WorkHoursLogged::totalHours)
			.map(Number::doubleValue)
			.containsExactly(2.0, 2.5);
	}

	@Test
	void hoursOutsideOneToAThousandAreRefusedInBothLanguages() throws Exception {
		for (String bad : List.of("0", "-1", "1000.5", "null")) {
			logHours(bad).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("inbox.hours"))
				.andExpect(jsonPath("$.message_zh", containsString("工时须大于 0")))
				.andExpect(jsonPath("$.message_en", containsString("more than 0")));
		}
		logHours("1000").andExpect(status().isOk());
	}

	@Test
	void refusalNeedsAReasonAndIsAnnounced() throws Exception {
		this.mvc
			.perform(post("/api/v1/inbox/{d}/refusal", this.demandId).with(httpBasic("township", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("inbox.reason"));
		this.mvc
			.perform(post("/api/v1/inbox/{d}/refusal", this.demandId).with(httpBasic("township", PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"不属于街道履职事项清单\"}"))
			.andExpect(status().isNoContent());
		assertThat(this.entries.find(this.demandId, BACHUAN).orElseThrow().status()).isEqualTo("REFUSED");
		assertThat(this.events.stream(DemandRefused.class).filter(e -> e.demandId() == this.demandId)).singleElement()
			.satisfies(e -> assertThat(e.reason()).isEqualTo("不属于街道履职事项清单"));
		this.mvc.perform(post("/api/v1/inbox/{d}/done", this.demandId).with(httpBasic("township", PASSWORD)))
			.andExpect(status().isConflict());
	}

	@Test
	void markDoneClosesTheEntry() throws Exception {
		this.mvc.perform(post("/api/v1/inbox/{d}/done", this.demandId).with(httpBasic("township", PASSWORD)))
			.andExpect(status().isNoContent());
		assertThat(this.entries.find(this.demandId, BACHUAN).orElseThrow().status()).isEqualTo("DONE");
	}

	@Test
	void ungatedReportIsStoredWithItsAttachmentUnderAGeneratedId() throws Exception {
		MockMultipartFile file = new MockMultipartFile("attachment", "../../etc/通知.png", "image/png",
				new byte[] { 1, 2, 3 });
		String body = this.mvc
			.perform(multipart("/api/v1/inbox/ungated").file(file)
				.param("channel", "WORK_GROUP")
				.param("issuer", "区民政局某科室")
				.param("receivedOn", "2026-11-20")
				.param("text", "微信群里要求当天报送低保户照片")
				.with(httpBasic("township", PASSWORD)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll("\\D", ""));
		Map<String, Object> row = this.jdbc.sql("select * from ungated_report where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("unit_code", BACHUAN).containsEntry("channel", "WORK_GROUP");
		String attachmentId = (String) row.get("attachment_id");
		assertThat(attachmentId).matches("[0-9a-f-]{36}");
		Path stored = Path.of(this.dataDirectory, "ungated").resolve(attachmentId);
		assertThat(stored).hasBinaryContent(new byte[] { 1, 2, 3 });
		Files.delete(stored);
		assertThat(this.events.stream(UngatedDemandReported.class).filter(e -> e.reportId() == id)).hasSize(1);
	}

	@Test
	void ungatedReportOverFiveMegabytesIsRefused() throws Exception {
		MockMultipartFile file = new MockMultipartFile("attachment", "big.pdf", "application/pdf",
				new byte[5 * 1024 * 1024 + 1]);
		this.mvc
			.perform(multipart("/api/v1/inbox/ungated").file(file)
				.param("channel", "PHONE")
				.param("issuer", "某局")
				.param("receivedOn", "2026-11-20")
				.param("text", "电话要求报材料")
				.with(httpBasic("township", PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("upload.too-large"));
	}

	@Test
	@WithUserDetails("township")
	void inboxPageSaysADemandWithoutAGateNumberCarriesNoObligation() throws Exception {
		this.mvc.perform(get("/inbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("没有准入编号的事项不具有约束力")))
			.andExpect(content().string(containsString("JF-500151-2026-" + this.demandId)));
	}

	@Test
	@WithUserDetails("township")
	void inboxPageLogsHoursThenRedirectsOrShowsTheError() throws Exception {
		this.mvc.perform(post("/inbox/{d}/hours", this.demandId).param("hours", "2")

			.with(csrf()))
			.andExpect(redirectedUrl("/inbox"))
			.andExpect(flash().attribute("flash", "inbox.hours-flash"));
		this.mvc.perform(post("/inbox/{d}/hours", this.demandId).param("hours", "abc")

			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("error-summary")))
			.andExpect(content().string(containsString("#hours-" + this.demandId)));
	}

	@Test
	@WithUserDetails("township")
	void anExpiredDemandIsLabelledAndTakesNoMoreHours() throws Exception {
		publishExpired();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.entries.find(this.demandId, BACHUAN).orElseThrow().status())
				.isEqualTo("EXPIRED"));
		logHours("1").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("inbox.expired"));
		this.mvc.perform(post("/api/v1/inbox/{d}/done", this.demandId).with(httpBasic("township", PASSWORD)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("inbox.closed"));
		this.mvc.perform(get("/inbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("JF-500151-2026-" + this.demandId)))
			.andExpect(content().string(containsString("已到期")));
		this.mvc.perform(get("/inbox?lang=en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Expired")));
		assertThat(this.entries.expire(this.demandId, java.sql.Timestamp.from(Instant.now()))).isZero();
	}

	@Autowired
	org.springframework.context.ApplicationEventPublisher publisher;

	void publishExpired() {
		this.transactions.executeWithoutResult(t -> this.publisher.publishEvent(
				new DemandExpired(this.demandId, "JF-500151-2026-" + this.demandId, LocalDate.of(2026, 11, 26))));
	}

	org.springframework.test.web.servlet.ResultActions logHours(String hours) throws Exception {
		return this.mvc.perform(post("/api/v1/inbox/{d}/hours", this.demandId).with(httpBasic("township", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"hours\": " + hours + "}"));
	}

}
