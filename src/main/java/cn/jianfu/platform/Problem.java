package cn.jianfu.platform;

import org.springframework.http.HttpStatus;

/**
 * A failure the user can act on, with a stable code and a message key that
 * {@link Bilingual} resolves in Chinese and English; the web layer answers it as an RFC
 * 9457 problem detail.
 * <p>
 * The code is part of the API contract (clients switch on it), so it never changes once
 * published; the message key is {@code problem.} followed by the code.
 */
public class Problem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final transient Object[] args;

	public Problem(HttpStatus status, String code, Object... args) {
		super(code);
		this.status = status;
		this.code = code;
		this.args = args.clone();
	}

	public static Problem notFound(String what, Object id) {
		return new Problem(HttpStatus.NOT_FOUND, what + ".not-found", id);
	}

	public static Problem badRequest(String code, Object... args) {
		return new Problem(HttpStatus.BAD_REQUEST, code, args);
	}

	public static Problem conflict(String code, Object... args) {
		return new Problem(HttpStatus.CONFLICT, code, args);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args.clone();
	}

	public String messageKey() {
		return "problem." + this.code;
	}

}
