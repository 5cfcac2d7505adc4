package cn.jianfu.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.DatabaseTest;
import cn.jianfu.audit.internal.AuditChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@DatabaseTest
class AuditLogTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void appendsEachEventAsTheNextLinkOfTheChain() {
		Instant before = Instant.now().minusSeconds(1);
		this.auditLog.record(loginOf("zhang.wei"));
		this.auditLog.record(new AuditEvent("admin", AuditTypes.ACCOUNT_ROLES_CHANGED, AuditResult.SUCCESS,
				"account:zhang.wei", "roles: VILLAGE -> TOWNSHIP"));
		this.auditLog.record(new AuditEvent(AuditTypes.ANONYMOUS, AuditTypes.LOGIN_FAILURE, AuditResult.FAILURE,
				"account:li.na", ""));

		List<AuditRecord> rows = new ArrayList<>(this.auditLog.recent(0, 3));
		Collections.reverse(rows);
		assertThat(rows).extracting(AuditRecord::type)
			.containsExactly(AuditTypes.LOGIN_SUCCESS, AuditTypes.ACCOUNT_ROLES_CHANGED, AuditTypes.LOGIN_FAILURE);
		assertThat(rows.get(1).seq()).isEqualTo(rows.get(0).seq() + 1);
		assertThat(rows.get(2).seq()).isEqualTo(rows.get(1).seq() + 1);
		assertThat(rows.get(1).prevHash()).isEqualTo(rows.get(0).hash());
		assertThat(rows.get(2).prevHash()).isEqualTo(rows.get(1).hash());
		for (AuditRecord row : rows) {
			assertThat(row.hash()).hasSize(64)
				.isEqualTo(AuditChain.hash(row.prevHash(), row.seq(), row.occurredAt(), row.account(), row.type(),
						row.result(), row.object(), row.detail()));
			assertThat(row.occurredAt()).isBetween(before, Instant.now().plusSeconds(1))
				.isEqualTo(row.occurredAt().truncatedTo(ChronoUnit.MICROS));
		}
		assertThat(rows.get(2).result()).isEqualTo("FAILURE");
		assertThat(rows.get(2).account()).isEqualTo("anonymous");
	}

	@Test
	void startsTheChainFromSixtyFourZeros() {
		this.auditLog.record(loginOf("zhang.wei"));
		String first = this.jdbc.sql("select prev_hash from audit_event where seq = 1").query(String.class).single();
		assertThat(first).isEqualTo("0".repeat(64));
	}

	@Test
	void reportsAnUntouchedChainAsIntact() {
		this.auditLog.record(loginOf("zhang.wei"));
		Verification verification = this.auditLog.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.firstTamperedSeq()).isNull();
		assertThat(verification.rowsChecked()).isEqualTo(rowCount()).isPositive();
	}

	@Test
	void keepsAnUnbrokenChainUnderConcurrentAppends() throws Exception {
		long before = rowCount();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Void>> writers = new ArrayList<>();
			for (int writer = 0; writer < 8; writer++) {
				String account = "writer-" + writer;
				writers.add(() -> {
					for (int i = 0; i < 50; i++) {
						this.auditLog.record(new AuditEvent(account, AuditTypes.EXPORT, AuditResult.SUCCESS,
								"report:" + i, "concurrent append " + i));
					}
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(writers)) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(rowCount()).isEqualTo(before + 400);
		List<Long> seqs = this.jdbc.sql("select seq from audit_event order by seq").query(Long.class).list();
		assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, before + 400).boxed().toList());
		assertThat(this.jdbc.sql("select count(*) from audit_event where account like 'writer-%'")
			.query(Long.class)
			.single()).isEqualTo(400);
		Verification verification = this.auditLog.verify();
		assertThat(verification.intact()).as(verification.reason()).isTrue();
		assertThat(verification.rowsChecked()).isEqualTo(before + 400);
	}

	@Test
	void leavesNoRowWhenTheCallersTransactionRollsBack() {
		this.auditLog.record(loginOf("zhang.wei"));
		long before = rowCount();
		this.transactions.executeWithoutResult((status) -> {
			this.auditLog.record(loginOf("rolled.back"));
			assertThat(rowCount()).isEqualTo(before + 1);
			status.setRollbackOnly();
		});
		assertThat(rowCount()).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from audit_event where account = 'rolled.back'")
			.query(Long.class)
			.single()).isZero();
		this.auditLog.record(loginOf("after.rollback"));
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	@Test
	void recordsFromInsideAReadOnlyTransaction() {
		long before = rowCount();
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions.getTransactionManager());
		readOnly.setReadOnly(true);
		readOnly.executeWithoutResult((status) -> this.auditLog.record(new AuditEvent("wang.fang", AuditTypes.EXPORT,
				AuditResult.SUCCESS, "ledger:500151000000", "ledger.xlsx")));
		assertThat(rowCount()).isEqualTo(before + 1);
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	@Test
	void pagesRowsNewestFirst() {
		for (int i = 0; i < 5; i++) {
			this.auditLog.record(loginOf("pager-" + i));
		}
		assertThat(this.auditLog.recent(0, 2)).extracting(AuditRecord::account).containsExactly("pager-4", "pager-3");
		assertThat(this.auditLog.recent(1, 2)).extracting(AuditRecord::account).containsExactly("pager-2", "pager-1");
	}

	@Test
	void rejectsPagesOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.auditLog.recent(-1, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> this.auditLog.recent(0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.auditLog.recent(0, AuditLog.MAX_PAGE_SIZE + 1));
	}

	@Test
	void storesOverlongAndNonAsciiFieldsSoThatTheyStillVerify() {
		String name = "张".repeat(AuditEvent.ACCOUNT_LENGTH + 50);
		this.auditLog.record(new AuditEvent(name, AuditTypes.LOGIN_FAILURE, AuditResult.FAILURE, "account:" + name,
				"line one\r\nline two \u001b[31m ${jndi:ldap://x}"));
		AuditRecord row = this.auditLog.recent(0, 1).get(0);
		assertThat(row.account()).hasSize(AuditEvent.ACCOUNT_LENGTH).endsWith("…");
		assertThat(row.detail()).contains("\r\n").contains("${jndi:");
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	private long rowCount() {
		return this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
	}

	static AuditEvent loginOf(String account) {
		return new AuditEvent(account, AuditTypes.LOGIN_SUCCESS, AuditResult.SUCCESS, "account:" + account, "");
	}

}
