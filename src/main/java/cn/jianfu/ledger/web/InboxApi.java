package cn.jianfu.ledger.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jianfu.ledger.internal.Inbox;
import cn.jianfu.ledger.internal.LedgerEntries;
import cn.jianfu.org.Viewer;

/**
 * The grassroots inbox over the API: the demands addressed to the caller's unit, and the
 * same actions as the page. Only the unit's own accounts reach its entries.
 */
@RestController
class InboxApi {

	private final Inbox inbox;

	InboxApi(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/api/v1/inbox")
	List<LedgerEntries.Entry> inbox(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.inbox.entries(signed.viewer());
	}

	@PostMapping("/api/v1/inbox/{demandId}/done")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void done(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long demandId) {
		this.inbox.markDone(signed.viewer(), demandId);
	}

	@PostMapping("/api/v1/inbox/{demandId}/hours")
	Map<String, BigDecimal> hours(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long demandId,
			@RequestBody HoursRequest request) {
		return Map.of("actualHours", this.inbox.logHours(signed.viewer(), demandId, request.hours()));
	}

	@PostMapping("/api/v1/inbox/{demandId}/refusal")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void refuse(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long demandId,
			@RequestBody RefusalRequest request) {
		this.inbox.refuse(signed.viewer(), demandId, request.reason());
	}

	/**
	 * Reports a demand that bypassed the gate, as a multipart form with an optional file.
	 */
	@PostMapping(path = "/api/v1/inbox/ungated", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> ungated(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable String channel,
			@RequestParam(required = false) @Nullable String issuer,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate receivedOn,
			@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable MultipartFile attachment) {
		long id = this.inbox.reportUngated(signed.viewer(),
				new Inbox.UngatedReport(channel, issuer, receivedOn, text, InboxPage.attachment(attachment)));
		return Map.of("id", id);
	}

	record HoursRequest(@Nullable BigDecimal hours) {
	}

	record RefusalRequest(@Nullable String reason) {
	}

}
