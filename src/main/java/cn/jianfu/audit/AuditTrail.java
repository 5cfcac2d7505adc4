package cn.jianfu.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit rows about one object ({@code demand:42}), oldest first, for an evidence
 * chain; callers decide who may see them.
 */
@Component
public class AuditTrail {

	/** Most rows returned for one object. */
	public static final int LIMIT = 500;

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<AuditRecord> about(String object) {
		return this.jdbc.sql("select * from audit_event where object = :object order by seq limit " + LIMIT)
			.param("object", object)
			.query((rs, row) -> new AuditRecord(rs.getLong("seq"),
					rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("account"),
					rs.getString("event_type"), rs.getString("result"), rs.getString("object"), rs.getString("detail"),
					rs.getString("prev_hash"), rs.getString("hash")))
			.list();
	}

}
