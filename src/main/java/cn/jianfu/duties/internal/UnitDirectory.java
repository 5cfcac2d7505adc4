package cn.jianfu.duties.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;

/**
 * UnitDirectory looked up by code without a viewer's scope, for work the system does on
 * its own account (assigning a case's next step to a unit the acting account cannot see).
 * Never used to answer a viewer: their reads go through {@link cn.jianfu.org.OrgChart}.
 */
@Component
public class UnitDirectory {

	private final JdbcClient jdbc;

	UnitDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Unit> find(String code) {
		return this.jdbc
			.sql("select code, name, level, parent_code, path, opened_on, closed_on from unit where code = :code")
			.param("code", code)
			.query((rs, i) -> new Unit(rs.getString("code"), rs.getString("name"), UnitLevel.of(rs.getInt("level")),
					rs.getString("parent_code"), rs.getString("path"), date(rs.getDate("opened_on")),
					date(rs.getDate("closed_on"))))
			.optional();
	}

	private static @org.jspecify.annotations.Nullable LocalDate date(
			java.sql.@org.jspecify.annotations.Nullable Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
