package cn.jianfu.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * Makes H2 refuse UPDATE and DELETE on {@code audit_event}, as the PostgreSQL trigger
 * does (migration {@code h2/V2_1__audit_append_only.sql}); it must stay public with a
 * public no-argument constructor because H2 instantiates it by name.
 */
public class AppendOnlyTrigger implements Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		String operation = (newRow == null) ? "DELETE" : "UPDATE";
		throw new SQLException("audit_event is append-only: " + operation + " refused", "42501");
	}

}
