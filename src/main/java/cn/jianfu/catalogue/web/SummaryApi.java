package cn.jianfu.catalogue.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.catalogue.internal.CatalogueSummary;
import cn.jianfu.catalogue.internal.Rollup;
import cn.jianfu.org.Viewer;

/**
 * What a department pulls instead of asking the grassroots again: the submitted values
 * within its scope, and their summary per higher unit (township, county, city), so that a
 * county reads its totals instead of summing its villages.
 */
@RestController
@Tag(name = "catalogue", description = "指标目录 / Indicator catalogue")
class SummaryApi {

	private final CatalogueSummary summary;

	private final Rollup rollup;

	SummaryApi(CatalogueSummary summary, Rollup rollup) {
		this.summary = summary;
		this.rollup = rollup;
	}

	@GetMapping("/api/v1/catalogue/values")
	@Operation(summary = "调取本辖区已报数据，不再重复索取 / Pull submitted values within my scope")
	List<Rollup.Value> values(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam String indicator,
			@RequestParam String period, @RequestParam(required = false) @Nullable String under) {
		return this.rollup.pull(signed.viewer(), indicator, period, under);
	}

	@GetMapping("/api/v1/catalogue/summary")
	@Operation(summary = "本辖区各级单位的已报数据汇总（镇、县、市）/ Totals of submitted values per higher unit in my scope")
	List<CatalogueSummary.Cell> summary(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam String indicator,
			@RequestParam String period, @RequestParam(required = false) @Nullable String under) {
		return this.summary.read(signed.viewer(), indicator, period, under);
	}

}
