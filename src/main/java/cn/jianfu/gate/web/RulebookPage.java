package cn.jianfu.gate.web;

import java.util.Comparator;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * 规则库: the values in force for the viewer's unit, each with its source and where it was
 * overridden; a gatekeeper overrides a value for its own unit (and so its subtree), with
 * a reason, or clears its override.
 */
@Controller
class RulebookPage {

	private final Rulebook rulebook;

	private final OrgChart orgChart;

	private final MessageSource messages;

	RulebookPage(Rulebook rulebook, OrgChart orgChart, MessageSource messages) {
		this.rulebook = rulebook;
		this.orgChart = orgChart;
		this.messages = messages;
	}

	@GetMapping("/rulebook")
	String show(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		Viewer viewer = signed.viewer();
		var values = this.rulebook.forUnit(this.orgChart.require(viewer.scope(), viewer.unitCode()));
		model.addAttribute("rules",
				values.all().stream().sorted(Comparator.comparing(v -> v.definition().key())).toList());
		model.addAttribute("keeper", viewer.has(Role.GATEKEEPER));
		return "gate/rulebook";
	}

	@PostMapping("/rulebook/overrides")
	String override(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam String key, @RequestParam String value,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		Viewer viewer = signed.viewer();
		return act(redirect, "rulebook.overridden-flash",
				() -> this.rulebook.override(viewer, viewer.unitCode(), key, value, reason == null ? "" : reason));
	}

	@PostMapping("/rulebook/overrides/clear")
	String clear(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam String key, RedirectAttributes redirect) {
		Viewer viewer = signed.viewer();
		return act(redirect, "rulebook.cleared-flash", () -> this.rulebook.clear(viewer, viewer.unitCode(), key));
	}

	private String act(RedirectAttributes redirect, String flash, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", flash);
		}
		catch (Problem problem) {
			if (problem.status().value() == 403 || problem.status().value() == 404) {
				throw problem;
			}
			redirect.addFlashAttribute("error", this.messages.getMessage(problem.messageKey(), problem.args(),
					problem.code(), LocaleContextHolder.getLocale()));
		}
		return "redirect:/rulebook";
	}

}
