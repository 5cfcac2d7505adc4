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
import cn.jianfu.org.Viewer;

/**
 * The summary of submitted values per higher unit (township, county, city): a county or
 * department reads its totals instead of summing its villages.
 */
@RestController
@Tag(name = "catalogue", description = "指标目录 / Indicator catalogue")
class SummaryApi {

	private final CatalogueSummary summary;

	SummaryApi(CatalogueSummary summary) {
		this.summary = summary;
	}

	@GetMapping("/api/v1/catalogue/summary")
	@Operation(summary = "本辖区各级单位的已报数据汇总（镇、县、市）/ Totals of submitted values per higher unit in my scope")
	List<CatalogueSummary.Cell> summary(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam String indicator,
			@RequestParam String period, @RequestParam(required = false) @Nullable String under) {
		return this.summary.read(signed.viewer(), indicator, period, under);
	}

}
