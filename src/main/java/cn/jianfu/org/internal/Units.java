package cn.jianfu.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;

/**
 * The units table. Every read for a person takes a {@link Scope} and filters by path
 * prefix in SQL.
 */
@Repository
public class Units {

	private static final String COLUMNS = "code, name, level, parent_code, path, opened_on, closed_on";

	private final JdbcClient jdbc;

	public Units(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Unit> find(Scope scope, String code) {
		return this.jdbc.sql("select " + COLUMNS + " from unit where code = :code and path like :scope")
			.param("code", code)
			.param("scope", scope.pathPattern())
			.query(Units::map)
			.optional();
	}

	public List<Unit> children(Scope scope, String parentCode, int offset, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from unit where parent_code = :parent and path like :scope"
					+ " order by code offset :offset rows fetch next :limit rows only")
			.param("parent", parentCode)
			.param("scope", scope.pathPattern())
			.param("offset", offset)
			.param("limit", limit)
			.query(Units::map)
			.list();
	}

	public long countChildren(Scope scope, String parentCode) {
		return this.jdbc.sql("select count(*) from unit where parent_code = :parent and path like :scope")
			.param("parent", parentCode)
			.param("scope", scope.pathPattern())
			.query(Long.class)
			.single();
	}

	public List<Unit> search(Scope scope, @org.jspecify.annotations.Nullable Integer level, String nameContains,
			int offset, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from unit where path like :scope and (:level = 0 or level = :level)"
					+ " and name like :name order by code offset :offset rows fetch next :limit rows only")
			.param("scope", scope.pathPattern())
			.param("level", level == null ? 0 : level)
			.param("name", "%" + escapeLike(nameContains) + "%")
			.param("offset", offset)
			.param("limit", limit)
			.query(Units::map)
			.list();
	}

	public long count(Scope scope, @org.jspecify.annotations.Nullable Integer level, String nameContains) {
		return this.jdbc
			.sql("select count(*) from unit where path like :scope and (:level = 0 or level = :level)"
					+ " and name like :name")
			.param("scope", scope.pathPattern())
			.param("level", level == null ? 0 : level)
			.param("name", "%" + escapeLike(nameContains) + "%")
			.query(Long.class)
			.single();
	}

	public Map<UnitLevel, Long> countByLevel(Scope scope) {
		Map<UnitLevel, Long> counts = new LinkedHashMap<>();
		for (UnitLevel level : UnitLevel.values()) {
			counts.put(level, 0L);
		}
		this.jdbc.sql("select level, count(*) as n from unit where path like :scope group by level")
			.param("scope", scope.pathPattern())
			.query((rs, i) -> counts.put(UnitLevel.of(rs.getInt("level")), rs.getLong("n")))
			.list();
		return counts;
	}

	/**
	 * Units by code, regardless of any scope: for imports and sign-in, which establish
	 * scope rather than obey it.
	 */
	public Map<String, Unit> findAll(Collection<String> codes) {
		Map<String, Unit> found = new LinkedHashMap<>();
		if (codes.isEmpty()) {
			return found;
		}
		List<String> all = List.copyOf(codes);
		for (int from = 0; from < all.size(); from += 500) {
			this.jdbc.sql("select " + COLUMNS + " from unit where code in (:codes)")
				.param("codes", all.subList(from, Math.min(all.size(), from + 500)))
				.query(Units::map)
				.list()
				.forEach(u -> found.put(u.code(), u));
		}
		return found;
	}

	public Optional<Unit> findUnscoped(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from unit where code = :code")
			.param("code", code)
			.query(Units::map)
			.optional();
	}

	public void insert(Unit unit, Instant now) {
		this.jdbc
			.sql("insert into unit (code, name, level, parent_code, path, opened_on, closed_on, created_at, updated_at)"
					+ " values (:code, :name, :level, :parent, :path, :opened, :closed, :now, :now)")
			.param("code", unit.code())
			.param("name", unit.name())
			.param("level", unit.level().number())
			.param("parent", unit.parentCode())
			.param("path", unit.path())
			.param("opened", unit.openedOn())
			.param("closed", unit.closedOn())
			.param("now", Timestamp.from(now))
			.update();
	}

	public void update(Unit unit, Instant now) {
		this.jdbc
			.sql("update unit set name = :name, opened_on = :opened, closed_on = :closed, updated_at = :now"
					+ " where code = :code")
			.param("code", unit.code())
			.param("name", unit.name())
			.param("opened", unit.openedOn())
			.param("closed", unit.closedOn())
			.param("now", Timestamp.from(now))
			.update();
	}

	public static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	public static Unit map(ResultSet rs, int row) throws SQLException {
		return new Unit(rs.getString("code"), rs.getString("name"), UnitLevel.of(rs.getInt("level")),
				rs.getString("parent_code"), rs.getString("path"), rs.getObject("opened_on", LocalDate.class),
				rs.getObject("closed_on", LocalDate.class));
	}

}
