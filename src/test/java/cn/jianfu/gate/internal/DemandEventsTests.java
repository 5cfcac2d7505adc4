package cn.jianfu.gate.internal;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.jianfu.DatabaseTest;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditRecord;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandClosed;
import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandJustified;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSubmitted;
import cn.jianfu.gate.DemandWithdrawn;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

@DatabaseTest
@RecordApplicationEvents
class DemandEventsTests {

	@Autowired
	DemandDesk desk;

	@Autowired
	Gatekeeper gatekeeper;

	@Autowired
	AuditLog audit;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	ApplicationEvents events;

	Viewer viewer(String username) {
		return ((Viewer.Signed) this.accounts.loadUserByUsername(username)).viewer();
	}

	static DemandDraft dataRequest(String title) {
		return new DemandDraft(DemandKind.DATA_REQUEST, title, "请报送辖区困难群众名单。", "民政", null, List.of("500151001000"),
				null, null, China.today().plusDays(2), null, null, null, false, false, false, false, null);
	}

	@Test
	void everyTransitionPublishesItsEventAndIsAudited() {
		Viewer issuer = viewer("issuer");
		DemandId id = this.desk.create(issuer, dataRequest("困难群众名单"));
		Gatekeeper.Verdict verdict = this.gatekeeper.submit(issuer, id, null);
		assertThat(verdict.verdict()).isEqualTo(Severity.JUSTIFY);
		assertThat(verdict.findings()).extracting(f -> f.code())
			.contains("sunset", "legal-basis", "assessment", "lead-time");
		assertThat(this.events.stream(DemandSubmitted.class)).singleElement()
			.satisfies(e -> assertThat(e.demandId()).isEqualTo(id.value()));
		Map<String, String> answers = new java.util.HashMap<>();
		verdict.findings().forEach(f -> answers.put(f.code(), "年底前须完成救助"));
		this.desk.justify(issuer, id, verdict.version(), answers);
		assertThat(this.events.stream(DemandJustified.class)).hasSize(1);
		this.gatekeeper.approve(viewer("gatekeeper"), id, null, null);
		this.desk.issue(issuer, id, null);
		assertThat(this.events.stream(DemandIssued.class)).singleElement().satisfies(e -> {
			assertThat(e.gateNumber()).startsWith("JF-500151-");
			assertThat(e.demand().recipientUnitCodes()).containsExactly("500151001000");
			assertThat(e.demand().kind()).isEqualTo(DemandKind.DATA_REQUEST);
		});
		this.desk.close(issuer, id, null);
		assertThat(this.events.stream(DemandClosed.class)).hasSize(1);
		assertThatExceptionOfType(Problem.class).isThrownBy(() -> this.desk.withdraw(issuer, id, null));
		DemandId second = this.desk.create(issuer, dataRequest("撤回的草稿"));
		this.desk.withdraw(issuer, second, null);
		assertThat(this.events.stream(DemandWithdrawn.class)).hasSize(1);
		List<String> types = this.audit.recent(0, 50)
			.stream()
			.filter(r -> r.object().equals("demand:" + id))
			.map(AuditRecord::type)
			.toList();
		assertThat(types).contains("demand.created", "demand.submitted", "demand.justified", "demand.approved",
				"demand.issued", "demand.closed");
	}

	@Test
	void aWrongStateIsAConflictAndChangesNothing() {
		Viewer issuer = viewer("issuer");
		DemandId id = this.desk.create(issuer, dataRequest("草稿"));
		assertThatExceptionOfType(Problem.class).isThrownBy(() -> this.desk.issue(issuer, id, null))
			.satisfies(p -> assertThat(p.code()).isEqualTo("demand.state"));
		assertThat(this.desk.view(issuer, id).status()).isEqualTo(DemandStatus.DRAFT);
		assertThat(this.events.stream(DemandIssued.class)).isEmpty();
	}

}
