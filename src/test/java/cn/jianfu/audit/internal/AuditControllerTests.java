package cn.jianfu.audit.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import cn.jianfu.DatabaseTest;
import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.audit.Verification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller's answers as the application's JSON mapper writes them; who may call it
 * is tested by the cross-cutting authorization matrix.
 */
@DatabaseTest
@WithMockUser(roles = "ADMIN")
class AuditControllerTests {

	@Autowired
	AuditController controller;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JsonMapper json;

	@Test
	void answersAnIntactChainWithAnExplicitNullTamperedRow() {
		this.auditLog.record(new AuditEvent("admin", AuditTypes.RULEBOOK_CHANGED, AuditResult.SUCCESS, "rulebook:2026",
				"rule 7 added"));
		Map<String, Object> body = this.json.readValue(this.json.writeValueAsString(this.controller.verify()),
				new TypeReference<Map<String, Object>>() {
				});
		assertThat(body).containsEntry("intact", true)
			.containsEntry("firstTamperedSeq", null)
			.containsEntry("reason", "intact")
			.containsKey("rowsChecked");
	}

	@Test
	void answersTheFirstTamperedRowAndWhy() {
		var view = AuditController.VerificationView.of(new Verification(4, 5L, "row 5 was changed"));
		Map<String, Object> body = this.json.readValue(this.json.writeValueAsString(view),
				new TypeReference<Map<String, Object>>() {
				});
		assertThat(body).containsEntry("intact", false)
			.containsEntry("rowsChecked", 4)
			.containsEntry("firstTamperedSeq", 5)
			.containsEntry("reason", "row 5 was changed");
	}

	@Test
	void listsAPageOfRowsNewestFirst() {
		this.auditLog.record(new AuditEvent("admin", AuditTypes.TOKEN_CREATED, AuditResult.SUCCESS, "token:1", ""));
		this.auditLog.record(new AuditEvent("admin", AuditTypes.TOKEN_REVOKED, AuditResult.SUCCESS, "token:1", ""));
		AuditController.AuditPage page = this.controller.list(0, 2);
		assertThat(page.rows()).extracting("type").containsExactly(AuditTypes.TOKEN_REVOKED, AuditTypes.TOKEN_CREATED);
		String body = this.json.writeValueAsString(page);
		assertThat(body).contains("\"occurredAt\":\"20").contains("\"prevHash\"").contains("\"page\":0");
	}

}
