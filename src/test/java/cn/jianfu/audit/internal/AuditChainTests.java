package cn.jianfu.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTests {

	private static final Instant noon = Instant.parse("2026-03-01T04:00:00.123456Z");

	@Test
	void keepsTheHashOfAKnownRowStable() {
		// Pinned: stored rows depend on this encoding; a change here breaks every
		// existing chain.
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, noon, "zhang.wei", "login.success", "SUCCESS",
				"account:zhang.wei", ""))
			.isEqualTo("df61ccf28bc1d7a6e9298cc6bcf8a1dc8f00fdcdf6397b398cd322833f62b1ca");
	}

	@Test
	void encodesPreviousHashThenLengthPrefixedFields() {
		ByteBuffer expected = ByteBuffer.allocate(32 + 8 + 8 + 4 * 5 + 1 + 1 + 7 + 1 + 4);
		expected.put(new byte[32]);
		expected.putLong(7);
		expected.putLong(noon.getEpochSecond() * 1_000_000 + 123_456);
		for (String field : new String[] { "a", "t", "SUCCESS", "o", "张d" }) {
			byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
			expected.putInt(bytes.length).put(bytes);
		}
		assertThat(expected.hasRemaining()).isFalse();
		assertThat(AuditChain.encode(AuditChain.GENESIS, 7, noon, "a", "t", "SUCCESS", "o", "张d"))
			.isEqualTo(expected.array());
	}

	@Test
	void encodesFieldBoundariesUnambiguously() {
		assertThat(hashOf("ab", "c")).isNotEqualTo(hashOf("a", "bc"));
		assertThat(hashOf("", "abc")).isNotEqualTo(hashOf("abc", ""));
	}

	@Test
	void changesWithEveryField() {
		String base = AuditChain.hash(AuditChain.GENESIS, 1, noon, "a", "t", "SUCCESS", "o", "d");
		assertThat(AuditChain.hash("1".repeat(64), 1, noon, "a", "t", "SUCCESS", "o", "d")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 2, noon, "a", "t", "SUCCESS", "o", "d")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, noon.plusNanos(1000), "a", "t", "SUCCESS", "o", "d"))
			.isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, noon, "a", "t", "FAILURE", "o", "d")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, noon, "a", "t", "SUCCESS", "o", "e")).isNotEqualTo(base);
	}

	@Test
	void storesTimeTruncatedToMicroseconds() {
		assertThat(AuditChain.storedTime(Instant.parse("2026-03-01T04:00:00.123456789Z")))
			.isEqualTo(Instant.parse("2026-03-01T04:00:00.123456Z"));
	}

	private static String hashOf(String account, String type) {
		return AuditChain.hash(AuditChain.GENESIS, 1, noon, account, type, "SUCCESS", "", "");
	}

}
