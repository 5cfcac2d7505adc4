package cn.jianfu.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.jianfu.DatabaseTest;
import cn.jianfu.TestDatabase;
import cn.jianfu.platform.Subcommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The audit log against someone who changes its rows: the database refuses UPDATE and
 * DELETE, and where the refusal is switched off, verification names the row.
 */
@DatabaseTest
class AuditLogTamperTests {

	/** The same statement as {@code db/migration/h2/V2_1__audit_append_only.sql}. */
	static final String H2_TRIGGER = "create trigger audit_event_append_only before update, delete on audit_event"
			+ " for each row call 'cn.jianfu.audit.internal.AppendOnlyTrigger'";

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	long middle;

	@BeforeEach
	void appendThreeRows() {
		this.auditLog.record(AuditLogTests.loginOf("wang.fang"));
		this.auditLog.record(new AuditEvent("wang.fang", AuditTypes.EXPORT, AuditResult.SUCCESS, "unit:500151000000",
				"ledger.xlsx"));
		this.auditLog.record(AuditLogTests.loginOf("wang.fang"));
		this.middle = lastSeq() - 1;
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	@Test
	void databaseRefusesUpdateThroughTheApplicationsDataSource() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("update audit_event set detail = 'nothing happened' where seq = ?")
				.param(this.middle)
				.update())
			.satisfies(AuditLogTamperTests::refusedAsAppendOnly);
		assertThat(detailOf(this.middle)).isEqualTo("ledger.xlsx");
	}

	@Test
	void databaseRefusesDeleteThroughTheApplicationsDataSource() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("delete from audit_event where seq = ?").param(this.middle).update())
			.satisfies(AuditLogTamperTests::refusedAsAppendOnly);
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("delete from audit_event").update());
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	@Test
	void postgresRefusesTruncate() {
		assumeThat(TestDatabase.onPostgres()).as("TRUNCATE fires no trigger on H2").isTrue();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("truncate table audit_event").update())
			.satisfies(AuditLogTamperTests::refusedAsAppendOnly);
	}

	@Test
	void verificationNamesTheRowWhoseContentWasEdited() {
		withoutTrigger(() -> this.jdbc.sql("update audit_event set detail = 'nothing.xlsx' where seq = ?")
			.param(this.middle)
			.update());
		try {
			Verification verification = this.auditLog.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstTamperedSeq()).isEqualTo(this.middle);
			assertThat(verification.rowsChecked()).isEqualTo(this.middle - 1);
			assertThat(verification.reason()).contains("changed");
		}
		finally {
			withoutTrigger(() -> this.jdbc.sql("update audit_event set detail = 'ledger.xlsx' where seq = ?")
				.param(this.middle)
				.update());
		}
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	@Test
	void verificationNamesTheRowAfterADeletedRow() {
		Map<String, Object> row = save(this.middle);
		withoutTrigger(() -> this.jdbc.sql("delete from audit_event where seq = ?").param(this.middle).update());
		try {
			Verification verification = this.auditLog.verify();
			assertThat(verification.intact()).isFalse();
			assertThat(verification.firstTamperedSeq()).isEqualTo(this.middle + 1);
			assertThat(verification.reason()).contains("missing");
		}
		finally {
			reinsert(row);
		}
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	@Test
	void verificationNamesRowsDeletedFromTheEnd() {
		long last = lastSeq();
		Map<String, Object> row = save(last);
		withoutTrigger(() -> this.jdbc.sql("delete from audit_event where seq = ?").param(last).update());
		try {
			Verification verification = this.auditLog.verify();
			assertThat(verification.firstTamperedSeq()).isEqualTo(last);
			assertThat(verification.reason()).contains("missing");
		}
		finally {
			reinsert(row);
		}
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	@Test
	void verificationNamesARowWhoseHashWasRecomputedByItsSuccessor() {
		String forged = "f".repeat(64);
		String original = this.jdbc.sql("select hash from audit_event where seq = ?")
			.param(this.middle)
			.query(String.class)
			.single();
		withoutTrigger(() -> this.jdbc.sql("update audit_event set hash = ? where seq = ?")
			.params(forged, this.middle)
			.update());
		try {
			Verification verification = this.auditLog.verify();
			assertThat(verification.firstTamperedSeq()).isEqualTo(this.middle);
		}
		finally {
			withoutTrigger(() -> this.jdbc.sql("update audit_event set hash = ? where seq = ?")
				.params(original, this.middle)
				.update());
		}
	}

	@Test
	void auditVerifyCommandExitsOneAndPrintsTheTamperedSeq() {
		withoutTrigger(() -> this.jdbc.sql("update audit_event set account = 'someone.else' where seq = ?")
			.param(this.middle)
			.update());
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			assertThat(auditCommand().run(List.of("verify"), print(out), print(new ByteArrayOutputStream())))
				.isEqualTo(1);
			assertThat(out.toString(StandardCharsets.UTF_8)).contains("第 " + this.middle + " 条")
				.contains("seq " + this.middle);
		}
		finally {
			withoutTrigger(() -> this.jdbc.sql("update audit_event set account = 'wang.fang' where seq = ?")
				.param(this.middle)
				.update());
		}
	}

	@Test
	void auditVerifyCommandExitsZeroWhenIntactAndTwoOnWrongUsage() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertThat(auditCommand().run(List.of("verify"), print(out), print(err))).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("审计日志完整").contains("Audit log intact");
		assertThat(auditCommand().run(List.of(), print(out), print(err))).isEqualTo(2);
		assertThat(auditCommand().run(List.of("verify", "--now"), print(out), print(err))).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("audit verify");
	}

	static void refusedAsAppendOnly(DataAccessException ex) {
		assertThat(ex.getMostSpecificCause()).hasMessageContaining("append-only");
	}

	private Subcommand auditCommand() {
		return this.context.getBeansOfType(Subcommand.class)
			.values()
			.stream()
			.filter((command) -> command.name().equals("audit"))
			.findFirst()
			.orElseThrow();
	}

	private static PrintStream print(ByteArrayOutputStream out) {
		return new PrintStream(out, true, StandardCharsets.UTF_8);
	}

	private Map<String, Object> save(long seq) {
		Map<String, Object> row = new HashMap<>(
				this.jdbc.sql("select * from audit_event where seq = ?").param(seq).query().singleRow());
		row.put("occurred_at",
				this.jdbc.sql("select occurred_at from audit_event where seq = ?")
					.param(seq)
					.query(OffsetDateTime.class)
					.single());
		return row;
	}

	private void reinsert(Map<String, Object> row) {
		this.jdbc.sql(
				"insert into audit_event (seq, occurred_at, account, event_type, result, object, detail, prev_hash, hash)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(row.get("seq"), row.get("occurred_at"), row.get("account"), row.get("event_type"),
					row.get("result"), row.get("object"), row.get("detail"), row.get("prev_hash"), row.get("hash"))
			.update();
	}

	/**
	 * Runs the change as the owner of the table can: with the append-only trigger off.
	 */
	private void withoutTrigger(Runnable change) {
		if (TestDatabase.onPostgres()) {
			this.jdbc.sql("alter table audit_event disable trigger user").update();
			try {
				change.run();
			}
			finally {
				this.jdbc.sql("alter table audit_event enable trigger user").update();
			}
		}
		else {
			this.jdbc.sql("drop trigger audit_event_append_only").update();
			try {
				change.run();
			}
			finally {
				this.jdbc.sql(H2_TRIGGER).update();
			}
		}
	}

	private String detailOf(long seq) {
		return this.jdbc.sql("select detail from audit_event where seq = ?").param(seq).query(String.class).single();
	}

	private long lastSeq() {
		return this.jdbc.sql("select max(seq) from audit_event").query(Long.class).single();
	}

}
