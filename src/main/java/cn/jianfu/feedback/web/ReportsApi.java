package cn.jianfu.feedback.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jianfu.feedback.internal.Docket;
import cn.jianfu.feedback.internal.Report;
import cn.jianfu.feedback.internal.ReportDesk;
import cn.jianfu.platform.Problem;

/**
 * The anonymous channel's API: no authentication, no cookies; the receipt code travels
 * only in request bodies, never in a URL.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportsApi {

	private final ReportDesk desk;

	private final Docket docket;

	ReportsApi(ReportDesk desk, Docket docket) {
		this.desk = desk;
		this.docket = docket;
	}

	record ReceiptJson(String receiptCode, String number) {
	}

	record CodeJson(@Nullable String code) {
	}

	record AnswerJson(@Nullable String code, @Nullable String verdict, @Nullable String comment) {
	}

	record NoteJson(String kind, String text, LocalDate on) {
	}

	record StatusJson(String number, String category, @Nullable String place, LocalDate receivedOn, String status,
			@Nullable String outcome, @Nullable String outcomeText, @Nullable LocalDate closedOn,
			@Nullable String reporterVerdict, @Nullable String caseNumber, @Nullable String decision,
			@Nullable LocalDate decidedOn, List<NoteJson> notes, int attachments) {
	}

	@Operation(summary = "匿名反映问题（无需登录）/ Send an anonymous report (no sign-in)")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	ReceiptJson submit(@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String place,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
		ReportDesk.Receipt receipt = this.desk.submit(category, text, place, Uploads.read(files));
		return new ReceiptJson(receipt.code(), receipt.number());
	}

	@Operation(summary = "凭回执码查看办理情况 / Follow a report with its receipt code")
	@PostMapping("/follow")
	StatusJson follow(@RequestBody CodeJson body) {
		return json(this.desk.follow(body.code())
			.orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "report.receipt.unknown")));
	}

	@Operation(summary = "补充情况或材料 / Add information to a report")
	@PostMapping(path = "/follow/info", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	StatusJson addInformation(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String text,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
		return json(this.desk.addInformation(code, text, Uploads.read(files)));
	}

	@Operation(summary = "对办理结果确认或提出异议 / Confirm or dispute the closure")
	@PostMapping("/follow/answer")
	StatusJson respond(@RequestBody AnswerJson body) {
		return json(this.desk.respond(body.code(), body.verdict(), body.comment()));
	}

	private StatusJson json(Report report) {
		var decided = this.docket.decisionOf(report);
		return new StatusJson(report.number(), report.category().name(), report.placeName(), report.receivedOn(),
				report.status().name(), report.outcome() == null ? null : report.outcome().name(), report.outcomeText(),
				report.closedOn(), report.reporterVerdict() == null ? null : report.reporterVerdict().name(),
				decided.map(Docket.Case::number).orElse(null),
				decided.map(c -> c.decision() == null ? null : c.decision().name()).orElse(null),
				decided.map(Docket.Case::decidedOn).orElse(null),
				report.notes()
					.stream()
					.filter(Report.Note::forReporter)
					.map(n -> new NoteJson(n.kind(), n.body(), n.writtenOn()))
					.toList(),
				report.attachments().size());
	}

}
