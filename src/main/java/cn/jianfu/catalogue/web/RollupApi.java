package cn.jianfu.catalogue.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
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
 * The roll-up of a form and its exports (CSV, DHIS2 JSON, Excel, ADX), each optionally
 * drilled down to a unit ({@code ?unit=CODE}: the unit and the units directly below it).
 */
@RestController
@RequestMapping("/api/v1/catalogue/forms/{id}")
@Tag(name = "catalogue", description = "指标目录 / Indicator catalogue")
class RollupApi {

	private final Rollup rollup;

	private final RollupExports exports;

	RollupApi(Rollup rollup, RollupExports exports) {
		this.rollup = rollup;
		this.exports = exports;
	}

	@GetMapping("/rollup")
	@Operation(
			summary = "报表汇总与完成率（村→镇→县，可按 unit 下钻到某单位及其直属下级）/ Roll-up with completeness, optionally drilled down to a unit")
	Rollup.Report report(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable String unit) {
		return this.rollup.report(signed.viewer(), id, unit);
	}

	@GetMapping("/rollup.csv")
	@Operation(summary = "汇总导出 CSV（可按 unit 下钻）/ Roll-up as CSV, optionally drilled down")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable String unit) {
		return Downloads.file("jianfu-rollup-" + id, "csv",
				this.rollup.csv(this.rollup.report(signed.viewer(), id, unit)));
	}

	@GetMapping("/dataValueSets")
	@Operation(
			summary = "按 DHIS2 dataValueSets 导出已报数据（可按 unit 只取其下）/ Submitted values as DHIS2 dataValueSets, optionally under a unit")
	Map<String, Object> dataValueSets(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable String unit) {
		return this.rollup.dataValueSet(signed.viewer(), id, unit);
	}

	@GetMapping("/rollup.xlsx")
	@Operation(summary = "汇总导出 Excel（可按 unit 下钻）/ Roll-up as Excel, optionally drilled down")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable String unit) {
		return Downloads.file("jianfu-rollup-" + id, "xlsx",
				this.exports.xlsx(this.rollup.report(signed.viewer(), id, unit)));
	}

	@GetMapping("/rollup.adx")
	@Operation(summary = "汇总导出 ADX（IHE/DHIS2 汇总数据交换 XML，可按 unit 下钻）/ Roll-up as ADX XML, optionally drilled down")
	ResponseEntity<byte[]> adx(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable String unit) {
		return Downloads.file("jianfu-rollup-" + id, "adx.xml",
				this.exports.adx(this.rollup.report(signed.viewer(), id, unit)));
	}

}
