package cn.jianfu.platform;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The Chinese commercial cryptography the platform uses (GB/T 39786): SM3 hashes and SM4
 * in GCM mode, through BouncyCastle's lightweight API so that no JCE provider has to be
 * registered.
 */
public final class SmCrypto {

	/** Length in bytes of an SM3 hash. */
	public static final int SM3_LENGTH = 32;

	/** Length in bytes of an SM4 key. */
	public static final int SM4_KEY_LENGTH = 16;

	/** Length in bytes of the random nonce that {@link #encrypt} puts first. */
	public static final int GCM_NONCE_LENGTH = 12;

	/** Length in bits of the GCM authentication tag. */
	public static final int GCM_TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private SmCrypto() {
	}

	/** Returns the SM3 hash (32 bytes) of the input. */
	public static byte[] sm3(byte[] input) {
		SM3Digest digest = new SM3Digest();
		digest.update(input, 0, input.length);
		byte[] out = new byte[SM3_LENGTH];
		digest.doFinal(out, 0);
		return out;
	}

	/** Returns the SM3 hash of the input as 64 lower-case hexadecimal digits. */
	public static String sm3Hex(byte[] input) {
		return HexFormat.of().formatHex(sm3(input));
	}

	/**
	 * Encrypts with SM4-GCM under a 16-byte key and returns a fresh random 12-byte nonce
	 * followed by the ciphertext and its 16-byte tag, which also authenticates the
	 * additional data {@code aad}.
	 */
	public static byte[] encrypt(byte[] key, byte[] plaintext, byte[] aad) {
		byte[] nonce = new byte[GCM_NONCE_LENGTH];
		random.nextBytes(nonce);
		GCMBlockCipher gcm = gcm(true, key, nonce, aad);
		byte[] out = new byte[GCM_NONCE_LENGTH + gcm.getOutputSize(plaintext.length)];
		System.arraycopy(nonce, 0, out, 0, GCM_NONCE_LENGTH);
		int length = gcm.processBytes(plaintext, 0, plaintext.length, out, GCM_NONCE_LENGTH);
		try {
			gcm.doFinal(out, GCM_NONCE_LENGTH + length);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException("SM4-GCM encryption failed", ex);
		}
		return out;
	}

	/**
	 * Decrypts what {@link #encrypt} produced with the same key and additional data, and
	 * throws {@link IllegalArgumentException} if any bit of the nonce, ciphertext, tag or
	 * additional data differs.
	 */
	public static byte[] decrypt(byte[] key, byte[] nonceAndCiphertext, byte[] aad) {
		if (nonceAndCiphertext.length < GCM_NONCE_LENGTH + GCM_TAG_BITS / 8) {
			throw new IllegalArgumentException("SM4-GCM ciphertext is too short");
		}
		byte[] nonce = Arrays.copyOf(nonceAndCiphertext, GCM_NONCE_LENGTH);
		GCMBlockCipher gcm = gcm(false, key, nonce, aad);
		int inputLength = nonceAndCiphertext.length - GCM_NONCE_LENGTH;
		byte[] out = new byte[gcm.getOutputSize(inputLength)];
		int length = gcm.processBytes(nonceAndCiphertext, GCM_NONCE_LENGTH, inputLength, out, 0);
		try {
			length += gcm.doFinal(out, length);
		}
		catch (InvalidCipherTextException ex) {
			Arrays.fill(out, (byte) 0);
			throw new IllegalArgumentException("SM4-GCM authentication failed: the data or its key is wrong", ex);
		}
		return (length == out.length) ? out : Arrays.copyOf(out, length);
	}

	private static GCMBlockCipher gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
		if (key.length != SM4_KEY_LENGTH) {
			throw new IllegalArgumentException("An SM4 key has 16 bytes, not " + key.length);
		}
		GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(encrypt, new AEADParameters(new KeyParameter(key), GCM_TAG_BITS, nonce, aad));
		return gcm;
	}

}
