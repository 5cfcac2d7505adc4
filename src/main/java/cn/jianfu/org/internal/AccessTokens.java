package cn.jianfu.org.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal access tokens, stored only as SHA-256 hashes of the secret.
 */
@Repository
public class AccessTokens {

	private final JdbcClient jdbc;

	public AccessTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long add(long accountId, String name, String tokenHash, Instant now, @Nullable Instant expiresAt) {
		this.jdbc
			.sql("insert into access_token (account_id, name, token_hash, created_at, expires_at)"
					+ " values (:account, :name, :hash, :now, :expires)")
			.param("account", accountId)
			.param("name", name)
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
			.update();
		return this.jdbc.sql("select id from access_token where token_hash = :hash")
			.param("hash", tokenHash)
			.query(Long.class)
			.single();
	}

	/** The account id of a live token with this hash, marking it used. */
	public Optional<Long> use(String tokenHash, Instant now) {
		Optional<Long> account = this.jdbc
			.sql("select account_id from access_token where token_hash = :hash and revoked_at is null"
					+ " and (expires_at is null or expires_at > :now)")
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
		account.ifPresent(a -> this.jdbc.sql("update access_token set last_used_at = :now where token_hash = :hash")
			.param("hash", tokenHash)
			.param("now", Timestamp.from(now))
			.update());
		return account;
	}

	public List<TokenInfo> ofAccount(long accountId) {
		return this.jdbc
			.sql("select id, name, created_at, expires_at, last_used_at, revoked_at from access_token"
					+ " where account_id = :account order by id")
			.param("account", accountId)
			.query((rs, i) -> new TokenInfo(rs.getLong("id"), rs.getString("name"),
					instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
					instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
			.list();
	}

	public boolean revoke(long accountId, long tokenId, Instant now) {
		return this.jdbc.sql(
				"update access_token set revoked_at = :now where id = :id and account_id = :account and revoked_at is null")
			.param("id", tokenId)
			.param("account", accountId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** A token as its owner sees it: never the secret. */
	public record TokenInfo(long id, String name, @Nullable Instant createdAt, @Nullable Instant expiresAt,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
	}

}
