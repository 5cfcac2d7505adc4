package cn.jianfu.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.audit.internal.AuditChain;

/**
 * The tamper-evident audit log: appends events to an SM3 hash chain in the database and
 * verifies that chain.
 * <p>
 * {@link #record} joins the caller's transaction when there is one, so that a change that
 * rolls back leaves no audit row either; otherwise it commits on its own. Appends lock
 * the one row of {@code audit_chain_head}, which serialises them across threads and JVMs
 * and keeps {@code seq} free of gaps.
 */
@Component
public class AuditLog {

	/** Largest page {@link #recent} returns. */
	public static final int MAX_PAGE_SIZE = 500;

	private static final int VERIFY_BATCH = 1000;

	private final JdbcClient jdbc;

	private final TransactionTemplate joinOrBegin;

	private final TransactionTemplate separate;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.joinOrBegin = new TransactionTemplate(transactions);
		this.joinOrBegin.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Appends the event as the next link of the chain, stamped with the current UTC time.
	 * <p>
	 * Inside a read-only transaction (a typical export) the row is written in a separate
	 * transaction, because the database would refuse the write.
	 */
	public void record(AuditEvent event) {
		boolean readOnly = TransactionSynchronizationManager.isActualTransactionActive()
				&& TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		(readOnly ? this.separate : this.joinOrBegin).executeWithoutResult((status) -> append(event));
	}

	private void append(AuditEvent event) {
		Head head = this.jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElseThrow(() -> new IllegalStateException("audit_chain_head has lost its row"));
		long seq = head.lastSeq() + 1;
		Instant now = AuditChain.storedTime(this.clock.instant());
		String result = event.result().name();
		String hash = AuditChain.hash(head.lastHash(), seq, now, event.account(), event.type(), result, event.object(),
				event.detail());
		this.jdbc.sql(
				"insert into audit_event (seq, occurred_at, account, event_type, result, object, detail, prev_hash, hash)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(seq, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), event.account(), event.type(), result,
					event.object(), event.detail(), head.lastHash(), hash)
			.update();
		this.jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")
			.params(seq, hash)
			.update();
	}

	/**
	 * Walks the chain in {@code seq} order, a batch at a time, and names the first row
	 * that cannot be trusted: one whose content no longer matches its hash, whose link to
	 * the row before is broken, or which follows deleted rows.
	 * <p>
	 * Rows appended while the walk runs are not checked; the walk ends at the chain head
	 * read when it starts.
	 */
	public Verification verify() {
		@Nullable Head head = this.jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElse(null);
		if (head == null) {
			return new Verification(0, 1L, "the chain head row is missing");
		}
		long checked = 0;
		long expectedSeq = 1;
		String prevHash = AuditChain.GENESIS;
		while (expectedSeq <= head.lastSeq()) {
			List<AuditRecord> batch = this.jdbc
				.sql("select * from audit_event where seq >= ? and seq <= ? order by seq limit " + VERIFY_BATCH)
				.params(expectedSeq, head.lastSeq())
				.query(AuditLog::toRecord)
				.list();
			if (batch.isEmpty()) {
				break;
			}
			for (AuditRecord row : batch) {
				String problem = check(row, expectedSeq, prevHash);
				if (problem != null) {
					return new Verification(checked, row.seq(), problem);
				}
				checked++;
				expectedSeq = row.seq() + 1;
				prevHash = row.hash();
			}
		}
		if (expectedSeq - 1 != head.lastSeq()) {
			return new Verification(checked, expectedSeq, "rows " + expectedSeq + " to " + head.lastSeq()
					+ " are missing: the chain head records " + head.lastSeq() + " rows");
		}
		if (!prevHash.equals(head.lastHash())) {
			return new Verification(checked, head.lastSeq(),
					"row " + head.lastSeq() + " does not match the hash recorded in the chain head");
		}
		return new Verification(checked, null, "intact");
	}

	private static @Nullable String check(AuditRecord row, long expectedSeq, String prevHash) {
		if (row.seq() != expectedSeq) {
			return "rows " + expectedSeq + " to " + (row.seq() - 1) + " are missing before row " + row.seq();
		}
		if (!row.prevHash().equals(prevHash)) {
			return "row " + row.seq() + " does not link to the hash of row " + (row.seq() - 1);
		}
		String recomputed = AuditChain.hash(row.prevHash(), row.seq(), row.occurredAt(), row.account(), row.type(),
				row.result(), row.object(), row.detail());
		if (!recomputed.equals(row.hash())) {
			return "row " + row.seq() + " was changed: its content does not match its hash";
		}
		return null;
	}

	/** Returns a page of stored rows, newest first; page counts from 0. */
	public List<AuditRecord> recent(int page, int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE
					+ ": page=" + page + " size=" + size);
		}
		return this.jdbc.sql("select * from audit_event order by seq desc limit ? offset ?")
			.params(size, (long) page * size)
			.query(AuditLog::toRecord)
			.list();
	}

	private static AuditRecord toRecord(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("account"), rs.getString("event_type"), rs.getString("result"), rs.getString("object"),
				rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	private record Head(long lastSeq, String lastHash) {

	}

}
