package cn.jianfu.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** RELIABILITY row 14, the codes themselves: length, randomness and no collisions. */
class ReceiptsTests {

	@Test
	void aMillionReceiptCodesHaveSixteenDigitsAndNoCollision() {
		int n = 1_000_000;
		long[] codes = new long[n];
		for (int i = 0; i < n; i++) {
			String code = Receipts.next();
			assertThat(code).hasSize(16).containsOnlyDigits();
			codes[i] = Long.parseLong(code);
		}
		Arrays.sort(codes);
		int collisions = 0;
		for (int i = 1; i < n; i++) {
			if (codes[i] == codes[i - 1]) {
				collisions++;
			}
		}
		assertThat(collisions).isZero();
		assertThat(Receipts.DIGITS).isGreaterThanOrEqualTo(16);
	}

	@Test
	void storesOnlyAHashThatDoesNotContainTheCode() {
		String code = Receipts.next();
		String hash = Receipts.hash(code);
		assertThat(hash).hasSize(64).doesNotContain(code);
		assertThat(Receipts.hash(code)).isEqualTo(hash);
		assertThat(Receipts.hash(Receipts.next())).isNotEqualTo(hash);
	}

	@Test
	void acceptsTheCodeAsShownAndRefusesAnythingElse() {
		assertThat(Receipts.normalise("1234 5678 9012 3456")).contains("1234567890123456");
		assertThat(Receipts.normalise("1234-5678-9012-3456")).contains("1234567890123456");
		assertThat(Receipts.grouped("1234567890123456")).isEqualTo("1234 5678 9012 3456");
		assertThat(Receipts.normalise("123456789012345")).isEmpty();
		assertThat(Receipts.normalise("12345678901234567")).isEmpty();
		assertThat(Receipts.normalise("1234abcd90123456")).isEmpty();
		assertThat(Receipts.normalise(null)).isEmpty();
		assertThat(Receipts.normalise("1".repeat(100))).isEmpty();
	}

	@Test
	void formTokensExpireAndCannotBeForged() {
		java.time.Instant now = java.time.Instant.parse("2026-11-26T04:00:00Z");
		String token = FormTokens.issue(now);
		assertThat(FormTokens.valid(token, now.plusSeconds(3600))).isTrue();
		assertThat(FormTokens.valid(token, now.plus(FormTokens.LIFETIME).plusSeconds(1))).isFalse();
		String forged = (now.getEpochSecond() + 100) + token.substring(token.indexOf('.'));
		assertThat(FormTokens.valid(forged, now.plusSeconds(200))).isFalse();
		assertThat(FormTokens.valid("", now)).isFalse();
		assertThat(FormTokens.valid("abc.def", now)).isFalse();
		assertThat(FormTokens.valid(null, now)).isFalse();
	}

}
