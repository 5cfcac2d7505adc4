package cn.jianfu.platform.internal;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.jianfu.platform.Bilingual;
import cn.jianfu.platform.Problem;

/**
 * Answers every failure of the REST API as a problem detail with a stable {@code code}
 * and the message in Chinese ({@code message_zh}, also the {@code detail}) and English
 * ({@code message_en}).
 * <p>
 * Only REST controllers: the selectors of an advice are alternatives, so adding a base
 * package would make pages answer JSON too; pages get the HTML error pages instead.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private final Bilingual bilingual;

	private final long maxRequestBytes;

	ProblemAdvice(Bilingual bilingual,
			@Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
		this.bilingual = bilingual;
		this.maxRequestBytes = maxRequestSize.toBytes();
	}

	@ExceptionHandler(Problem.class)
	ProblemDetail problem(Problem problem) {
		return detail(problem.status(), problem.code(), this.bilingual.text(problem.messageKey(), problem.args()));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badArgument(IllegalArgumentException ex) {
		log.debug("Bad request: {}", ex.getMessage());
		return detail(HttpStatus.BAD_REQUEST, "request.invalid",
				this.bilingual.text("problem.request.invalid", ex.getMessage()));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var first = ex.getBindingResult().getFieldErrors().stream().findFirst();
		String field = first.map(f -> f.getField()).orElse("?");
		String reason = first.map(f -> f.getDefaultMessage()).orElse("?");
		ProblemDetail body = detail(HttpStatus.BAD_REQUEST, "request.field-invalid",
				this.bilingual.text("problem.request.field-invalid", field, reason));
		body.setProperty("field", field);
		return ResponseEntity.badRequest().body(body);
	}

	/**
	 * A body over the multipart limit. Multipart requests are resolved lazily, so this is
	 * reached with the handler known and answered like every other API failure, whichever
	 * endpoint took the upload.
	 */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		long limit = ex.getMaxUploadSize() > 0 ? ex.getMaxUploadSize() : this.maxRequestBytes;
		ProblemDetail body = detail(HttpStatus.PAYLOAD_TOO_LARGE, "upload.too-large",
				this.bilingual.text("problem.upload.too-large", limit));
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(body);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String code = "http." + statusCode.value();
		ProblemDetail detail = detail(statusCode, code, this.bilingual.text("problem.http", statusCode.value()));
		return super.handleExceptionInternal(ex, detail, headers, statusCode, request);
	}

	static ProblemDetail detail(HttpStatusCode status, String code, Bilingual.Text text) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, text.zh());
		detail.setType(URI.create("urn:jianfu:problem:" + code));
		detail.setTitle(text.en());
		detail.setProperty("code", code);
		detail.setProperty("message_zh", text.zh());
		detail.setProperty("message_en", text.en());
		return detail;
	}

}
