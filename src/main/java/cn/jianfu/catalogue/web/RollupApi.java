package cn.jianfu.catalogue.web;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.catalogue.internal.Rollup;
import cn.jianfu.catalogue.internal.RollupExports;
import cn.jianfu.org.Viewer;

/**
 * The roll-up drilled down to a unit ({@code ?unit=CODE}) and its exports to Excel and
 * ADX. The roll-up without a unit, its CSV and DHIS2 JSON stay where data entry serves
 * them.
 */
@RestController
@RequestMapping("/api/v1/catalogue/forms/{id}")
@Tag(name = "catalogue", description = "指标目录 / Indicator catalogue")
class RollupApi {

	static final MediaType ADX = new MediaType("application", "adx+xml", StandardCharsets.UTF_8);

	private final Rollup rollup;

	private final RollupExports exports;

	RollupApi(Rollup rollup, RollupExports exports) {
		this.rollup = rollup;
		this.exports = exports;
	}

	@GetMapping(path = "/rollup", params = "unit")
	@Operation(summary = "汇总下钻到某单位：本单位及其直属下级 / Roll-up drilled down to a unit and the units below it")
	Rollup.Report drill(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam String unit) {
		return this.rollup.report(signed.viewer(), id, unit);
	}

	@GetMapping("/rollup.xlsx")
	@Operation(summary = "汇总导出 Excel（可按 unit 下钻）/ Roll-up as Excel, optionally drilled down")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable String unit) {
		return Downloads.file("jianfu-rollup-" + id, "xlsx",
				this.exports.xlsx(this.rollup.report(signed.viewer(), id, unit)));
	}

	@GetMapping("/rollup.adx")
	@Operation(summary = "汇总导出 ADX（IHE/DHIS2 汇总数据交换 XML）/ Roll-up as ADX XML")
	ResponseEntity<byte[]> adx(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable String unit) {
		return ResponseEntity.ok()
			.contentType(ADX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("jianfu-rollup-" + id + ".adx.xml", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(this.exports.adx(this.rollup.report(signed.viewer(), id, unit)));
	}

}
