package cn.jianfu.meetings.internal;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.jianfu.platform.Problem;

/**
 * A meeting request with one or more bad values: the problem is the first error (its
 * message names the field), and every error is kept for the form's error summary.
 */
public class MeetingInvalid extends Problem {

	private final transient List<FieldError> errors;

	public MeetingInvalid(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, errors.get(0).code(), errors.get(0).args());
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * One bad value: the form field it belongs to, the problem code
	 * ({@code problem.<code>} is its message) and the message's arguments.
	 */
	public record FieldError(String field, String code, Object... args) {
	}

}
