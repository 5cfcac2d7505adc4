package cn.jianfu.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing to audit: who ({@code account}, a username or {@code anonymous} or
 * {@code system}) did what ({@code type}, a stable dotted code from {@link AuditTypes}),
 * how it ended, to what ({@code object}, such as {@code unit:500151000000}) and free-text
 * {@code detail}.
 * <p>
 * Text fields longer than their column are cut (ending in "…") rather than refused, so
 * that an attacker-chosen username cannot make auditing of its own login fail; a type
 * that is not a dotted lower-case code is a programming error and refused.
 */
public record AuditEvent(String account, String type, AuditResult result, String object, String detail) {

	/** Longest account name stored. */
	public static final int ACCOUNT_LENGTH = 200;

	/** Longest type code accepted. */
	public static final int TYPE_LENGTH = 100;

	/** Longest object name stored. */
	public static final int OBJECT_LENGTH = 500;

	/** Longest detail stored. */
	public static final int DETAIL_LENGTH = 4000;

	private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

	public AuditEvent {
		Objects.requireNonNull(result, "result");
		Objects.requireNonNull(type, "type");
		if (type.length() > TYPE_LENGTH || !TYPE.matcher(type).matches()) {
			throw new IllegalArgumentException("Audit type must be a dotted lower-case code: " + type);
		}
		account = cut(Objects.requireNonNull(account, "account"), ACCOUNT_LENGTH);
		object = cut(Objects.requireNonNull(object, "object"), OBJECT_LENGTH);
		detail = cut(Objects.requireNonNull(detail, "detail"), DETAIL_LENGTH);
	}

	private static String cut(String text, int length) {
		if (text.length() <= length) {
			return text;
		}
		int end = length - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

}
