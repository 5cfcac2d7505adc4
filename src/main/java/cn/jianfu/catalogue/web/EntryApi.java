package cn.jianfu.catalogue.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
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

import cn.jianfu.catalogue.internal.Entry;
import cn.jianfu.catalogue.internal.EntryWorkbook;
import cn.jianfu.catalogue.internal.ImportReport;
import cn.jianfu.catalogue.internal.ValueCorrections;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.FileStore;
import cn.jianfu.platform.Problem;

/**
 * Data entry by the grassroots: the sheets addressed to a unit, drafts and submission,
 * Excel download and upload, corrections after the lock.
 */
@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "catalogue", description = "指标目录 / Indicator catalogue")
class EntryApi {

	private final Entry entry;

	private final EntryWorkbook workbook;

	private final ValueCorrections corrections;

	EntryApi(Entry entry, EntryWorkbook workbook, ValueCorrections corrections) {
		this.entry = entry;
		this.workbook = workbook;
		this.corrections = corrections;
	}

	/** A correction of a locked value: the field, the corrected value, why. */
	record CorrectionRequest(@Nullable String indicator, @Nullable String value, @Nullable String reason) {
	}

	/** The owner's decision on a correction. */
	record Decision(@Nullable Boolean approve, @Nullable String note) {
	}

	@PostMapping("/entry/{id}/corrections")
	@Operation(summary = "申请更正已锁定的数据（须说明理由，由指标主管部门审核）/ Ask the indicator's owner to correct a locked value")
	ValueCorrections.Correction requestCorrection(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody CorrectionRequest request) {
		return this.corrections.request(signed.viewer(), id, request.indicator() == null ? "" : request.indicator(),
				request.value() == null ? "" : request.value(), request.reason() == null ? "" : request.reason());
	}

	@GetMapping("/corrections")
	@Operation(summary = "本单位的更正申请与待我审核的更正 / My unit's correction requests and those I decide")
	List<ValueCorrections.Correction> corrections(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.corrections.visible(signed.viewer());
	}

	@PostMapping("/corrections/{id}/decision")
	@Operation(summary = "指标主管部门批准或驳回更正 / The indicator's owner approves or rejects a correction")
	ValueCorrections.Correction decide(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody Decision decision) {
		if (decision.approve() == null) {
			throw Problem.badRequest("catalogue.correction.approve");
		}
		return this.corrections.decide(signed.viewer(), id, decision.approve(), decision.note());
	}

	/** Values entered on a sheet of the given version; {@code submit} submits it. */
	record EntryRequest(@Nullable Integer version, @Nullable Map<String, String> values, @Nullable Boolean submit) {
	}

	@GetMapping("/entry")
	@Operation(summary = "本单位待填报的报表 / Issued forms addressed to my unit")
	List<Entry.Assignment> assignments(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.entry.assignments(signed.viewer());
	}

	@GetMapping("/entry/{id}")
	@Operation(summary = "本单位的填报表（已有数据预填）/ My unit's sheet, pre-filled")
	Entry.Sheet sheet(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id) {
		return this.entry.sheet(signed.viewer(), id);
	}

	@PutMapping("/entry/{id}")
	@Operation(summary = "保存草稿或提交（版本过期返回 409）/ Save a draft or submit (a stale version gets 409)")
	Entry.Sheet save(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestBody EntryRequest request) {
		if (request.version() == null) {
			throw Problem.badRequest("catalogue.entry.version");
		}
		return this.entry.save(signed.viewer(), id, request.version(),
				request.values() == null ? Map.of() : request.values(), Boolean.TRUE.equals(request.submit()));
	}

	@GetMapping("/entry/{id}.xlsx")
	@Operation(summary = "下载本单位的填报表（Excel，已预填）/ Download my unit's sheet as Excel, pre-filled")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id) {
		return Downloads.file("jianfu-sheet-" + id, "xlsx", this.workbook.download(signed.viewer(), id));
	}

	@PostMapping("/entry/{id}/import")
	@Operation(summary = "上传填好的填报表（全部成功或全部不写，重复上传不产生变化）/ Upload the filled sheet, all or nothing")
	ResponseEntity<ImportReport> importSheet(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "false") boolean submit) throws IOException {
		ImportReport report = importFile(this.workbook, signed, id, file, submit);
		return report.ok() ? ResponseEntity.ok(report) : ResponseEntity.badRequest().body(report);
	}

	static ImportReport importFile(EntryWorkbook workbook, Viewer.Signed signed, long id, @Nullable MultipartFile file,
			boolean submit) throws IOException {
		byte[] bytes = CatalogueUploads.read(file);
		return workbook.importFile(signed.viewer(), id, FileStore.displayName(file.getOriginalFilename()), bytes,
				submit);
	}

}
