package cn.jianfu.catalogue.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jianfu.catalogue.internal.Rollup;
import cn.jianfu.org.Viewer;

/**
 * The roll-up page drilled down to a unit ({@code ?unit=CODE}): the unit, the units
 * directly below it, and the trail back up. Without a unit the page is served with data
 * entry and lists every level.
 */
@Controller
class RollupPages {

	private final Rollup rollup;

	RollupPages(Rollup rollup) {
		this.rollup = rollup;
	}

	@GetMapping(path = "/catalogue/forms/{id}/rollup", params = "unit")
	String drill(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id, @RequestParam String unit,
			Model model) {
		model.addAttribute("report", this.rollup.report(signed.viewer(), id, unit));
		return "catalogue/rollup";
	}

}
