package cn.jianfu.catalogue.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jianfu.catalogue.internal.Rollup;
import cn.jianfu.org.Viewer;

/**
 * The roll-up page. Drilled down to a unit ({@code ?unit=CODE}): the unit, the units
 * directly below it, and the trail back up. Without a unit: every level in one table for
 * a form of a few recipients, else drilled down to the top unit (county → townships; a
 * township's link opens its villages).
 */
@Controller
class RollupPages {

	private final Rollup rollup;

	RollupPages(Rollup rollup) {
		this.rollup = rollup;
	}

	@GetMapping("/catalogue/forms/{id}/rollup")
	String rollup(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable String unit, Model model) {
		model.addAttribute("report", unit == null ? this.rollup.overview(signed.viewer(), id)
				: this.rollup.report(signed.viewer(), id, unit));
		return "catalogue/rollup";
	}

}
