package cn.jianfu.platform;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SmCryptoTests {

	private static final HexFormat hex = HexFormat.of();

	private static final byte[] key = hex.parseHex("0123456789abcdeffedcba9876543210");

	private static final byte[] plaintext = "一道准入，一本台账".getBytes(StandardCharsets.UTF_8);

	private static final byte[] aad = "demand:42".getBytes(StandardCharsets.UTF_8);

	@Test
	void hashesAbcToTheSm3StandardVector() {
		assertThat(SmCrypto.sm3Hex("abc".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
	}

	@Test
	void hashesSixteenAbcdToTheSm3StandardVector() {
		assertThat(SmCrypto.sm3Hex("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
	}

	@Test
	void encryptsTheSm4StandardBlock() {
		SM4Engine engine = new SM4Engine();
		engine.init(true, new KeyParameter(key));
		byte[] out = new byte[16];
		engine.processBlock(key, 0, out, 0);
		assertThat(hex.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
	}

	@Test
	void decryptsWhatItEncrypted() {
		byte[] sealed = SmCrypto.encrypt(key, plaintext, aad);
		assertThat(sealed).hasSize(SmCrypto.GCM_NONCE_LENGTH + plaintext.length + SmCrypto.GCM_TAG_BITS / 8);
		assertThat(SmCrypto.decrypt(key, sealed, aad)).isEqualTo(plaintext);
	}

	@Test
	void usesAFreshNonceForEveryEncryption() {
		assertThat(SmCrypto.encrypt(key, plaintext, aad)).isNotEqualTo(SmCrypto.encrypt(key, plaintext, aad));
	}

	@Test
	void rejectsAFlippedBitAnywhereInNonceCiphertextOrTag() {
		byte[] sealed = SmCrypto.encrypt(key, plaintext, aad);
		for (int bit = 0; bit < sealed.length * 8; bit++) {
			byte[] flipped = sealed.clone();
			flipped[bit / 8] ^= (byte) (1 << (bit % 8));
			assertThatIllegalArgumentException().as("bit %d", bit)
				.isThrownBy(() -> SmCrypto.decrypt(key, flipped, aad));
		}
	}

	@Test
	void rejectsAFlippedBitInTheAdditionalData() {
		byte[] sealed = SmCrypto.encrypt(key, plaintext, aad);
		for (int bit = 0; bit < aad.length * 8; bit++) {
			byte[] flipped = aad.clone();
			flipped[bit / 8] ^= (byte) (1 << (bit % 8));
			assertThatIllegalArgumentException().as("bit %d", bit)
				.isThrownBy(() -> SmCrypto.decrypt(key, sealed, flipped));
		}
	}

	@Test
	void rejectsTheWrongKey() {
		byte[] sealed = SmCrypto.encrypt(key, plaintext, aad);
		byte[] other = key.clone();
		other[0] ^= 1;
		assertThatIllegalArgumentException().isThrownBy(() -> SmCrypto.decrypt(other, sealed, aad));
	}

	@Test
	void rejectsTruncatedCiphertextAndShortKeys() {
		assertThatIllegalArgumentException().isThrownBy(() -> SmCrypto.decrypt(key, new byte[27], aad));
		assertThatIllegalArgumentException().isThrownBy(() -> SmCrypto.encrypt(new byte[15], plaintext, aad));
	}

}
