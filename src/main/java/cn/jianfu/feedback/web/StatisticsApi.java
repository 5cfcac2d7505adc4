package cn.jianfu.feedback.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jianfu.feedback.internal.Docket;
import cn.jianfu.feedback.internal.Statistics;

/**
 * The published figures of the anonymous channel: report counts by category or issuer and
 * month (a null count is suppressed: below 5, or revealing one that is), and the bulletin
 * of typical cases.
 */
@RestController
class StatisticsApi {

	private final Statistics statistics;

	private final Docket docket;

	StatisticsApi(Statistics statistics, Docket docket) {
		this.statistics = statistics;
		this.docket = docket;
	}

	@Operation(summary = "反映问题统计（小于 5 的数不公布）/ Report statistics (no count below 5 is published)")
	@GetMapping("/api/v1/feedback/statistics")
	Statistics.Table table(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(defaultValue = "category") String by) {
		return this.statistics.table(FeedbackPages.year(year), by);
	}

	@Operation(summary = "典型问题通报 / Bulletin of typical cases")
	@GetMapping("/api/v1/feedback/bulletin")
	List<Docket.BulletinEntry> bulletin() {
		return this.docket.bulletin();
	}

}
