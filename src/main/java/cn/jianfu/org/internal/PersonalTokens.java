package cn.jianfu.org.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * Personal access tokens for the API ({@code Authorization: Bearer jf_…}): 256 random
 * bits shown once at creation, stored only as a SHA-256 hash, revocable, optionally
 * expiring.
 */
@Component
public class PersonalTokens {

	static final String PREFIX = "jf_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccessTokens tokens;

	private final SignIn signIn;

	private final AuditLog audit;

	private final Clock clock;

	PersonalTokens(AccessTokens tokens, SignIn signIn, AuditLog audit, Clock clock) {
		this.tokens = tokens;
		this.signIn = signIn;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates a token for the viewer and returns it with its secret, which is never shown
	 * again.
	 */
	@Transactional
	public NewToken create(Viewer viewer, String name, @Nullable Instant expiresAt) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw Problem.badRequest("token.name");
		}
		Instant now = this.clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw Problem.badRequest("token.expiry");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = this.tokens.add(viewer.accountId(), trimmed, hash(token), now, expiresAt);
		this.audit.record(new AuditEvent(viewer.username(), AuditTypes.TOKEN_CREATED, AuditResult.SUCCESS,
				"token:" + id, trimmed));
		return new NewToken(id, trimmed, token, expiresAt);
	}

	public List<AccessTokens.TokenInfo> list(Viewer viewer) {
		return this.tokens.ofAccount(viewer.accountId());
	}

	@Transactional
	public void revoke(Viewer viewer, long tokenId) {
		if (!this.tokens.revoke(viewer.accountId(), tokenId, this.clock.instant())) {
			throw Problem.notFound("token", tokenId);
		}
		this.audit.record(new AuditEvent(viewer.username(), AuditTypes.TOKEN_REVOKED, AuditResult.SUCCESS,
				"token:" + tokenId, ""));
	}

	Optional<AccountDetails> authenticate(String token) {
		if (!token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return this.tokens.use(hash(token), this.clock.instant())
			.flatMap(this.signIn::byId)
			.filter(AccountDetails::isEnabled);
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token just created, with its secret. */
	public record NewToken(long id, String name, String token, @Nullable Instant expiresAt) {
	}

}
