package cn.jianfu.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import cn.jianfu.platform.SmCrypto;

/**
 * The hash chain of the audit log: each row's hash is SM3 over the previous row's hash
 * (32 bytes) followed by an unambiguous encoding of the row, so that changing, inserting
 * or removing any row changes every hash after it.
 * <p>
 * The encoding is seq and the time in epoch microseconds as 8-byte big-endian numbers,
 * then account, type, result, object and detail, each as a 4-byte big-endian length and
 * its UTF-8 bytes. It is part of the stored data's meaning: never change it for existing
 * rows.
 */
public final class AuditChain {

	/** The previous hash of the first row. */
	public static final String GENESIS = "0".repeat(64);

	private static final HexFormat hex = HexFormat.of();

	private AuditChain() {
	}

	/**
	 * Returns the time as stored: truncated to microseconds, which both databases keep
	 * exactly.
	 */
	public static Instant storedTime(Instant time) {
		return time.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * Returns the hexadecimal SM3 hash of a row that follows the row hashed
	 * {@code prevHash}.
	 */
	public static String hash(String prevHash, long seq, Instant occurredAt, String account, String type, String result,
			String object, String detail) {
		return hex.formatHex(SmCrypto.sm3(encode(prevHash, seq, occurredAt, account, type, result, object, detail)));
	}

	/**
	 * Returns the bytes that {@link #hash} hashes: the previous hash, then the row's
	 * encoding.
	 */
	public static byte[] encode(String prevHash, long seq, Instant occurredAt, String account, String type,
			String result, String object, String detail) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128 + detail.length() * 3);
		out.writeBytes(hex.parseHex(prevHash));
		writeLong(out, seq);
		writeLong(out, micros(occurredAt));
		writeText(out, account);
		writeText(out, type);
		writeText(out, result);
		writeText(out, object);
		writeText(out, detail);
		return out.toByteArray();
	}

	private static long micros(Instant time) {
		return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1000);
	}

	private static void writeText(ByteArrayOutputStream out, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		writeInt(out, bytes.length);
		out.writeBytes(bytes);
	}

	private static void writeLong(ByteArrayOutputStream out, long value) {
		writeInt(out, (int) (value >>> 32));
		writeInt(out, (int) value);
	}

	private static void writeInt(ByteArrayOutputStream out, int value) {
		out.write(value >>> 24);
		out.write(value >>> 16);
		out.write(value >>> 8);
		out.write(value);
	}

}
