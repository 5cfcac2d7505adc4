package cn.jianfu.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import cn.jianfu.platform.SmCrypto;

/**
 * Receipt codes: {@value #DIGITS} random decimal digits from {@link SecureRandom}, shown
 * once to the reporter and stored only as their SM3 hash. The code is the reporter's only
 * key to the case; the server cannot show it again.
 */
public final class Receipts {

	/** Digits in a receipt code. */
	public static final int DIGITS = 16;

	private static final long BOUND = 10_000_000_000_000_000L;

	private static final RandomGenerator RANDOM = new SecureRandom();

	private Receipts() {
	}

	/** A new code, as 16 digits without separators. */
	public static String next() {
		return next(RANDOM);
	}

	static String next(RandomGenerator random) {
		return String.format("%016d", random.nextLong(BOUND));
	}

	/** The code in groups of four, as the reporter is shown it. */
	public static String grouped(String code) {
		return code.substring(0, 4) + " " + code.substring(4, 8) + " " + code.substring(8, 12) + " "
				+ code.substring(12, 16);
	}

	/**
	 * The code the reporter typed, without spaces or hyphens, if it is 16 digits.
	 */
	public static Optional<String> normalise(@Nullable String typed) {
		if (typed == null || typed.length() > 64) {
			return Optional.empty();
		}
		String digits = typed.replaceAll("[\\s\\-]", "");
		return digits.length() == DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9') ? Optional.of(digits)
				: Optional.empty();
	}

	/** What is stored: the SM3 hash of the code. */
	public static String hash(String code) {
		return SmCrypto.sm3Hex(("jianfu-receipt:" + code).getBytes(StandardCharsets.UTF_8));
	}

}
