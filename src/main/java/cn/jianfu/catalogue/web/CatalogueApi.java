package cn.jianfu.catalogue.web;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.catalogue.internal.Catalogue;
import cn.jianfu.catalogue.internal.ImportReport;
import cn.jianfu.catalogue.internal.Indicator;
import cn.jianfu.catalogue.internal.MatchIndex;
import cn.jianfu.catalogue.internal.Matcher;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.FileStore;
import cn.jianfu.platform.Page;

/**
 * The indicator catalogue over HTTP: search, read, export and import (all or nothing: a
 * file with any error writes nothing and answers 400 with every error).
 */
@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "catalogue", description = "指标目录 / Indicator catalogue")
class CatalogueApi {

	private final Catalogue catalogue;

	private final Matcher matcher;

	CatalogueApi(Catalogue catalogue, Matcher matcher) {
		this.catalogue = catalogue;
		this.matcher = matcher;
	}

	/** Names of proposed fields to match. */
	record MatchRequest(@Nullable List<String> names) {
	}

	/** One candidate indicator, best first. */
	record CandidateView(String code, String name, double score, String reason, String reasonEn) {
	}

	/** The decision for one name: match, new or ask. */
	record MatchView(String name, String decision, List<CandidateView> candidates) {
	}

	record MatchResponse(List<MatchView> results) {
	}

	@PostMapping("/match")
	@Operation(summary = "把字段名与目录比对：match（已有）、new（新指标）或 ask（请人工确认）/ Match field names to the catalogue")
	MatchResponse match(@RequestBody MatchRequest request) {
		List<String> names = request.names() == null ? List.of() : request.names();
		return new MatchResponse(this.matcher.match(names).stream().map(CatalogueApi::view).toList());
	}

	static MatchView view(MatchIndex.Result result) {
		return new MatchView(result.name(), result.decision().json(),
				result.candidates()
					.stream()
					.map(c -> new CandidateView(c.code(), c.name(), c.score(), c.reason(), c.reasonEn()))
					.toList());
	}

	@GetMapping("/indicators")
	@Operation(summary = "按代码、名称或主管部门查找指标 / Search indicators by code, name or owner")
	Page<Indicator> search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.catalogue.search(q, new Page.Request(page, size));
	}

	@GetMapping("/export.{format}")
	@Operation(summary = "导出目录（xlsx 或 csv）/ Export the catalogue (xlsx or csv)")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String format) {
		return Downloads.file("jianfu-catalogue", format, this.catalogue.export(signed.viewer(), format));
	}

	@PostMapping("/import")
	@Operation(summary = "导入目录（xlsx 或 csv，全部成功或全部不写）/ Import the catalogue, all or nothing")
	ResponseEntity<ImportReport> importFile(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable MultipartFile file) throws IOException {
		byte[] bytes = CatalogueUploads.read(file);
		ImportReport report = this.catalogue.importFile(signed.viewer(),
				FileStore.displayName(file.getOriginalFilename()), bytes);
		return report.ok() ? ResponseEntity.ok(report) : ResponseEntity.badRequest().body(report);
	}

}
