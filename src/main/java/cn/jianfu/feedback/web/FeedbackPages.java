package cn.jianfu.feedback.web;

import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jianfu.feedback.internal.Docket;
import cn.jianfu.feedback.internal.Statistics;
import cn.jianfu.platform.Problem;

/**
 * What is published to every signed-in user: the statistics of reports with small cells
 * suppressed, and the bulletin of typical cases (典型问题通报).
 */
@Controller
class FeedbackPages {

	private final Statistics statistics;

	private final Docket docket;

	FeedbackPages(Statistics statistics, Docket docket) {
		this.statistics = statistics;
		this.docket = docket;
	}

	@GetMapping("/feedback/statistics")
	String statistics(@RequestParam(required = false) @Nullable Integer year, Model model) {
		int chosen = year(year);
		model.addAttribute("year", chosen);
		model.addAttribute("byCategory", this.statistics.table(chosen, "category"));
		model.addAttribute("byIssuer", this.statistics.table(chosen, "issuer"));
		return "feedback/statistics";
	}

	@GetMapping("/feedback/bulletin")
	String bulletin(Model model) {
		model.addAttribute("entries", this.docket.bulletin());
		return "feedback/bulletin";
	}

	static int year(@Nullable Integer year) {
		int chosen = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
		if (chosen < 2000 || chosen > 2100) {
			throw Problem.badRequest("statistics.year.invalid");
		}
		return chosen;
	}

}
