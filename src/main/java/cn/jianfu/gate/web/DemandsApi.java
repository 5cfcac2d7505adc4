package cn.jianfu.gate.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.gate.internal.DemandAttachments;
import cn.jianfu.gate.internal.DemandDesk;
import cn.jianfu.gate.internal.DemandId;
import cn.jianfu.gate.internal.DemandStatus;
import cn.jianfu.gate.internal.Demands;
import cn.jianfu.gate.internal.Gatekeeper;
import cn.jianfu.gate.web.DemandJson.AttachmentView;
import cn.jianfu.gate.web.DemandJson.Created;
import cn.jianfu.gate.web.DemandJson.DecisionRequest;
import cn.jianfu.gate.web.DemandJson.DemandRequest;
import cn.jianfu.gate.web.DemandJson.DemandView;
import cn.jianfu.gate.web.DemandJson.Issued;
import cn.jianfu.gate.web.DemandJson.JustificationRequest;
import cn.jianfu.gate.web.DemandJson.VerdictView;
import cn.jianfu.gate.web.DemandJson.VersionRequest;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;

/**
 * Demands through the gate: draft, edit, submit, justify, approve or reject, issue and
 * withdraw. Every action may name the version the client read; a stale one is a 409.
 */
@RestController
@RequestMapping("/api/v1/demands")
@Tag(name = "demands", description = "事项与准入 / Demands and the gate")
class DemandsApi {

	private final DemandDesk desk;

	private final Gatekeeper gatekeeper;

	private final DemandAttachments attachments;

	DemandsApi(DemandDesk desk, Gatekeeper gatekeeper, DemandAttachments attachments) {
		this.desk = desk;
		this.gatekeeper = gatekeeper;
		this.attachments = attachments;
	}

	@PostMapping
	@Operation(summary = "新建事项草稿（发起单位取自登录账号）/ Create a draft demand (the issuer is the signed-in account)")
	ResponseEntity<Created> create(@AuthenticationPrincipal Viewer.Signed signed, @RequestBody DemandRequest request) {
		DemandId id = this.desk.create(signed.viewer(), request.draft());
		DemandView view = DemandView.of(this.desk.view(signed.viewer(), id));
		return ResponseEntity.created(URI.create("/api/v1/demands/" + id))
			.body(new Created(id.value(), view.version(), view.status()));
	}

	@GetMapping
	@Operation(summary = "我的事项；减负办、监督看辖区内的事项 / My demands; the jurisdiction's for gatekeepers and supervisors")
	Page<Demands.Summary> list(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		DemandStatus filter = status == null || status.isBlank() ? null
				: DemandStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
		return this.desk.list(signed.viewer(), filter, new Page.Request(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "事项详情、发现项与准入编号 / A demand with its findings and gate number")
	DemandView get(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id) {
		DemandId demandId = new DemandId(id);
		return DemandView.of(this.desk.view(signed.viewer(), demandId), this.attachments.list(demandId));
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传附件（草稿或退回时；PDF、DOCX、XLSX、PNG、JPEG、纯文本，每个 ≤ 10 MB，最多 10 个）"
			+ " / Attach a file to a draft or returned demand (PDF, DOCX, XLSX, PNG, JPEG, text; ≤ 10 MB each, ≤ 10)")
	ResponseEntity<AttachmentView> attach(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam("file") MultipartFile file) throws IOException {
		DemandId demandId = new DemandId(id);
		DemandAttachments.Attachment added;
		try (InputStream in = file.getInputStream()) {
			added = this.attachments.add(signed.viewer(), demandId, file.getOriginalFilename(), in);
		}
		AttachmentView view = AttachmentView.of(this.desk.view(signed.viewer(), demandId), added);
		return ResponseEntity.created(URI.create(view.href())).body(view);
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "下载附件（以附件方式发送）/ Download an attachment (sent as an attachment, never inline)")
	ResponseEntity<Resource> download(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@PathVariable long attachmentId) {
		return send(this.attachments.open(signed.viewer(), new DemandId(id), attachmentId));
	}

	/**
	 * The file as a download: {@code Content-Disposition: attachment} with the name in
	 * RFC 5987 form, the detected type and {@code nosniff}.
	 */
	static ResponseEntity<Resource> send(DemandAttachments.Download download) {
		DemandAttachments.Attachment a = download.attachment();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.contentType(MediaType.parseMediaType(a.contentType()))
			.contentLength(a.sizeBytes())
			.body(new FileSystemResource(download.file()));
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改草稿或被退回的事项 / Edit a draft or returned demand")
	DemandView edit(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody DemandRequest request) {
		this.desk.edit(signed.viewer(), new DemandId(id), request.version(), request.draft());
		return get(signed, id);
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "提交准入审查，返回结论与发现项 / Submit to the gate: the verdict and the findings")
	VerdictView submit(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody(required = false) @Nullable VersionRequest request) {
		return VerdictView.of(this.gatekeeper.submit(signed.viewer(), new DemandId(id), version(request)));
	}

	@PostMapping("/{id}/justifications")
	@Operation(summary = "对需说明理由的发现项书面说明 / Answer each finding that needs a justification")
	DemandView justify(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody JustificationRequest request) {
		this.desk.justify(signed.viewer(), new DemandId(id), request.version(),
				request.answers() == null ? Map.of() : request.answers());
		return get(signed, id);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "减负办批准 / The gatekeeper approves")
	DemandView approve(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody(required = false) @Nullable DecisionRequest request) {
		this.gatekeeper.approve(signed.viewer(), new DemandId(id), request == null ? null : request.version(),
				request == null ? null : request.reason());
		return get(signed, id);
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "减负办不予批准（须写明理由）/ The gatekeeper rejects, with a reason")
	DemandView reject(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody DecisionRequest request) {
		this.gatekeeper.reject(signed.viewer(), new DemandId(id), request.version(), request.reason());
		return get(signed, id);
	}

	@PostMapping("/{id}/issue")
	@Operation(summary = "印发，分配准入编号 / Issue under a new gate number")
	Issued issue(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody(required = false) @Nullable VersionRequest request) {
		return new Issued(id, this.desk.issue(signed.viewer(), new DemandId(id), version(request)));
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "办结 / Close an issued demand")
	DemandView close(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody(required = false) @Nullable VersionRequest request) {
		this.desk.close(signed.viewer(), new DemandId(id), version(request));
		return get(signed, id);
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "撤回 / Withdraw")
	DemandView withdraw(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody(required = false) @Nullable VersionRequest request) {
		this.desk.withdraw(signed.viewer(), new DemandId(id), version(request));
		return get(signed, id);
	}

	private static @Nullable Integer version(@Nullable VersionRequest request) {
		return request == null ? null : request.version();
	}

}
