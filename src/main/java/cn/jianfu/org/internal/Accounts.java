package cn.jianfu.org.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.jianfu.org.Role;
import cn.jianfu.org.Scope;

/**
 * The accounts table with their roles.
 */
@Repository
public class Accounts {

	private static final String SELECT = "select a.id, a.username, a.display_name, a.password_hash, a.unit_code,"
			+ " a.department_id, a.enabled, u.path as unit_path from account a join unit u on u.code = a.unit_code";

	private final JdbcClient jdbc;

	public Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The account with this user name, whatever its unit: sign-in establishes scope
	 * rather than obeying one.
	 */
	public Optional<Account> findForSignIn(String username) {
		return this.jdbc.sql(SELECT + " where a.username = :username")
			.param("username", username)
			.query(Accounts::map)
			.optional()
			.map(a -> a.withRoles(roles(a.id())));
	}

	public Optional<Account> findById(long id) {
		return this.jdbc.sql("select username from account where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.flatMap(this::findForSignIn);
	}

	public List<Account> inScope(Scope scope) {
		return this.jdbc.sql(SELECT + " where u.path like :scope order by a.username")
			.param("scope", scope.pathPattern())
			.query(Accounts::map)
			.list()
			.stream()
			.map(a -> a.withRoles(roles(a.id())))
			.toList();
	}

	private static Account map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), rs.getString("unit_code"), (Long) rs.getObject("department_id"),
				rs.getBoolean("enabled"), rs.getString("unit_path"));
	}

	public Set<Role> roles(long accountId) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		this.jdbc.sql("select role from account_role where account_id = :id")
			.param("id", accountId)
			.query(String.class)
			.list()
			.forEach(r -> roles.add(Role.valueOf(r)));
		return roles;
	}

	public long create(String username, String displayName, String passwordHash, String unitCode,
			@Nullable Long departmentId, Set<Role> roles, Instant now) {
		this.jdbc.sql(
				"insert into account (username, display_name, password_hash, unit_code, department_id, enabled, created_at)"
						+ " values (:username, :display, :hash, :unit, :department, true, :now)")
			.param("username", username)
			.param("display", displayName)
			.param("hash", passwordHash)
			.param("unit", unitCode)
			.param("department", departmentId)
			.param("now", Timestamp.from(now))
			.update();
		long id = this.jdbc.sql("select id from account where username = :username")
			.param("username", username)
			.query(Long.class)
			.single();
		replaceRoles(id, roles);
		return id;
	}

	public void replaceRoles(long accountId, Set<Role> roles) {
		this.jdbc.sql("delete from account_role where account_id = :id").param("id", accountId).update();
		for (Role role : roles) {
			this.jdbc.sql("insert into account_role (account_id, role) values (:id, :role)")
				.param("id", accountId)
				.param("role", role.name())
				.update();
		}
	}

	/**
	 * An account as stored, with its password hash; never leaves the org module.
	 */
	public record Account(long id, String username, String displayName, String passwordHash, String unitCode,
			@Nullable Long departmentId, boolean enabled, String unitPath, Set<Role> roles) {

		Account(long id, String username, String displayName, String passwordHash, String unitCode,
				@Nullable Long departmentId, boolean enabled, String unitPath) {
			this(id, username, displayName, passwordHash, unitCode, departmentId, enabled, unitPath, Set.of());
		}

		Account withRoles(Set<Role> roles) {
			return new Account(this.id, this.username, this.displayName, this.passwordHash, this.unitCode,
					this.departmentId, this.enabled, this.unitPath, roles);
		}

	}

}
