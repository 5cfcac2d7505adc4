package cn.jianfu.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Stateless tokens for the anonymous forms, in place of a CSRF token (which would need a
 * session or a cookie): the time of issue and its HMAC under a key drawn at start-up. A
 * token proves that the form came from this server within the last hours and says nothing
 * about who fetched it. Tokens die with the process that issued them.
 */
public final class FormTokens {

	/** How long a form stays valid. */
	public static final Duration LIFETIME = Duration.ofHours(4);

	private static final byte[] KEY = new byte[32];

	static {
		new SecureRandom().nextBytes(KEY);
	}

	private FormTokens() {
	}

	/** A token issued now. */
	public static String issue() {
		return issue(Instant.now());
	}

	static String issue(Instant now) {
		String time = Long.toString(now.getEpochSecond());
		return time + "." + mac(time);
	}

	/** Whether the token was issued by this process within {@link #LIFETIME}. */
	public static boolean valid(@Nullable String token) {
		return valid(token, Instant.now());
	}

	static boolean valid(@Nullable String token, Instant now) {
		if (token == null || token.length() > 100) {
			return false;
		}
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return false;
		}
		String time = token.substring(0, dot);
		long issued;
		try {
			issued = Long.parseLong(time);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		long age = now.getEpochSecond() - issued;
		if (age < -60 || age > LIFETIME.toSeconds()) {
			return false;
		}
		return MessageDigest.isEqual(mac(time).getBytes(StandardCharsets.US_ASCII),
				token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
	}

	private static String mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(("report-form|" + text).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
