package cn.jianfu.org.web;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;

/**
 * The pages of the organisation within the viewer's scope: a unit with its trail,
 * departments and children (50 a page), and a search by name and level; a unit outside
 * the scope is not found.
 */
@Controller
class UnitPages {

	static final int PAGE_SIZE = 50;

	private final OrgChart orgChart;

	UnitPages(OrgChart orgChart) {
		this.orgChart = orgChart;
	}

	/**
	 * Searches when asked to ({@code q} or {@code level}); otherwise goes to the viewer's
	 * own unit.
	 */
	@GetMapping("/units")
	String units(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer level, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Viewer viewer = signed.viewer();
		if (q == null && level == null) {
			return "redirect:/units/" + viewer.unitCode();
		}
		String name = q == null ? "" : q.strip();
		UnitLevel unitLevel = (level == null || level < 1 || level > 5) ? null : UnitLevel.of(level);
		model.addAttribute("q", name);
		model.addAttribute("level", unitLevel == null ? null : unitLevel.number());
		model.addAttribute("levels", UnitLevel.values());
		model.addAttribute("results",
				this.orgChart.search(viewer.scope(), unitLevel, name, new Page.Request(Math.max(page, 0), PAGE_SIZE)));
		return "org/search";
	}

	/**
	 * One unit; for htmx ({@code HX-Request}) only the list of its children, so that a
	 * child can be expanded in place.
	 */
	@GetMapping("/units/{code}")
	String unit(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpServletResponse response,
			Model model) {
		Scope scope = signed.viewer().scope();
		Unit unit = this.orgChart.require(scope, code);
		response.setHeader(HttpHeaders.VARY, "HX-Request");
		model.addAttribute("unit", unit);
		model.addAttribute("children",
				this.orgChart.children(scope, code, new Page.Request(htmx != null ? 0 : Math.max(page, 0), PAGE_SIZE)));
		if (htmx != null) {
			return "org/unit :: children";
		}
		model.addAttribute("trail", this.orgChart.trail(scope, code));
		model.addAttribute("parent",
				unit.parentCode() == null ? null : this.orgChart.unit(scope, unit.parentCode()).orElse(null));
		model.addAttribute("departments", this.orgChart.departments(scope, code));
		model.addAttribute("levels", UnitLevel.values());
		return "org/unit";
	}

}
