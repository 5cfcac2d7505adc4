package cn.jianfu.gate.internal;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.jianfu.DatabaseTest;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditRecord;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandExpired;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.org.Viewer;

@DatabaseTest
@RecordApplicationEvents
class DemandExpiryTests {

	static final String BACHUAN = "500151001000";

	@Autowired
	DemandDesk desk;

	@Autowired
	Gatekeeper gatekeeper;

	@Autowired
	DemandExpiry expiry;

	@Autowired
	AssessmentChecklist checklist;

	@Autowired
	AuditLog audit;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	ApplicationEvents events;

	@Autowired
	JdbcClient jdbc;

	Viewer viewer(String username) {
		return ((Viewer.Signed) this.accounts.loadUserByUsername(username)).viewer();
	}

	/**
	 * Issues a data request with a sunset a year ahead and every assessment box ticked.
	 */
	DemandId issueDataRequest(String title) {
		Viewer issuer = viewer("issuer");
		Map<String, Boolean> assessment = new HashMap<>();
		this.checklist.questions().forEach(q -> assessment.put(q.key(), true));
		DemandId id = this.desk.create(issuer,
				new DemandDraft(DemandKind.DATA_REQUEST, title, "请报送辖区困难群众名单。", "民政", "《社会救助暂行办法》第十一条",
						List.of(BACHUAN), null, null, China.today().plusDays(20), null, China.today().plusYears(1),
						null, false, false, false, false, assessment));
		Gatekeeper.Verdict verdict = this.gatekeeper.submit(issuer, id, null);
		if (this.desk.view(issuer, id).status() == DemandStatus.NEEDS_JUSTIFICATION) {
			Map<String, String> answers = new HashMap<>();
			verdict.findings().forEach(f -> answers.put(f.code(), "年底前须完成救助"));
			this.desk.justify(issuer, id, null, answers);
			this.gatekeeper.approve(viewer("gatekeeper"), id, null, null);
		}
		this.desk.issue(issuer, id, null);
		return id;
	}

	List<String> ledgerStatuses(DemandId id) {
		return this.jdbc.sql("select status from ledger_entry where demand_id = :d")
			.param("d", id.value())
			.query(String.class)
			.list();
	}

	List<AuditRecord> expiryAudits(DemandId id) {
		return this.audit.recent(0, 200)
			.stream()
			.filter(r -> r.object().equals("demand:" + id) && r.type().equals(DemandExpiry.AUDIT_TYPE))
			.toList();
	}

	@Test
	void theJobExpiresAnIssuedDemandPastItsSunsetAndTheLedgerClosesItsEntries() {
		DemandId id = issueDataRequest("到期的名单");
		DemandId current = issueDataRequest("未到期的名单");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(ledgerStatuses(id)).containsExactly("OPEN");
			assertThat(ledgerStatuses(current)).containsExactly("OPEN");
		});
		this.jdbc.sql("update demand set expires_on = :past where id = :id")
			.param("past", LocalDate.now(Demands.CHINA).minusDays(1))
			.param("id", id.value())
			.update();

		assertThat(this.expiry.expireDue()).isGreaterThanOrEqualTo(1);

		Viewer issuer = viewer("issuer");
		assertThat(this.desk.view(issuer, id).status()).isEqualTo(DemandStatus.EXPIRED);
		assertThat(this.desk.view(issuer, current).status()).isEqualTo(DemandStatus.ISSUED);
		String gateNumber = this.desk.view(issuer, id).gateNumber();
		assertThat(this.events.stream(DemandExpired.class).filter(e -> e.demandId() == id.value()))
			.containsExactly(new DemandExpired(id.value(), gateNumber, LocalDate.now(Demands.CHINA)));
		assertThat(this.events.stream(DemandExpired.class).filter(e -> e.demandId() == current.value())).isEmpty();
		assertThat(expiryAudits(id)).singleElement().satisfies(r -> assertThat(r.account()).isEqualTo("system"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ledgerStatuses(id)).containsExactly("EXPIRED"));
		assertThat(ledgerStatuses(current)).containsExactly("OPEN");
	}

	@Test
	void runningTheJobTwiceChangesNothingMore() {
		DemandId id = issueDataRequest("两次到期");
		this.jdbc.sql("update demand set expires_on = :past where id = :id")
			.param("past", LocalDate.now(Demands.CHINA).minusDays(3))
			.param("id", id.value())
			.update();
		this.expiry.expireDue();
		int version = this.desk.view(viewer("issuer"), id).version();

		assertThat(this.expiry.expireDue()).isZero();

		assertThat(this.desk.view(viewer("issuer"), id).version()).isEqualTo(version);
		assertThat(this.events.stream(DemandExpired.class).filter(e -> e.demandId() == id.value())).hasSize(1);
		assertThat(expiryAudits(id)).hasSize(1);
	}

}
