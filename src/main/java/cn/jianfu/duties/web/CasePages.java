package cn.jianfu.duties.web;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.duties.internal.CaseStatistics;
import cn.jianfu.duties.internal.PowerRegister;
import cn.jianfu.duties.internal.ServiceCases;
import cn.jianfu.org.Role;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The register of delegated powers, service cases with their timelines and deadline
 * warnings, and the statistics before and after a delegation.
 */
@Controller
class CasePages {

	private final PowerRegister register;

	private final ServiceCases cases;

	private final CaseStatistics statistics;

	private final MessageSource messages;

	CasePages(PowerRegister register, ServiceCases cases, CaseStatistics statistics, MessageSource messages) {
		this.register = register;
		this.cases = cases;
		this.statistics = statistics;
		this.messages = messages;
	}

	@GetMapping("/duties/powers")
	String powers(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		Viewer viewer = signed.viewer();
		model.addAttribute("powers",
				this.register.powers()
					.stream()
					.map(p -> new DutiesApi.PowerView(p, this.register.history(viewer, p.code())))
					.toList());
		model.addAttribute("keeper", viewer.has(Role.GATEKEEPER) || viewer.has(Role.ADMIN));
		return "duties/powers";
	}

	@PostMapping("/duties/powers/assignments")
	String assign(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam String power, @RequestParam String step,
			@RequestParam String countyCode, @RequestParam int level,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(required = false) @Nullable String instrument, RedirectAttributes redirect, Locale locale) {
		try {
			this.register.assign(signed.viewer(), power, step, countyCode, UnitLevel.of(level), since,
					instrument == null ? "" : instrument);
		}
		catch (Problem ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
		}
		return "redirect:/duties/powers";
	}

	@GetMapping("/duties/cases")
	String cases(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		Viewer viewer = signed.viewer();
		model.addAttribute("cases",
				this.cases.list(viewer, 200)
					.stream()
					.map(c -> new DutiesApi.CaseView(c, this.cases.warning(c)))
					.toList());
		model.addAttribute("powers", this.register.powers());
		model.addAttribute("today", this.cases.today());
		return "duties/cases";
	}

	@PostMapping("/duties/cases")
	String open(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam String power,
			@RequestParam String homeUnitCode, @RequestParam(required = false) @Nullable String applicant,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
			RedirectAttributes redirect, Locale locale) {
		try {
			long id = this.cases.open(signed.viewer(), power, homeUnitCode.strip(), applicant == null ? "" : applicant,
					openedOn);
			return "redirect:/duties/case?id=" + id;
		}
		catch (Problem ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
			return "redirect:/duties/cases";
		}
	}

	@GetMapping("/duties/case")
	String detail(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam("id") long caseId, Model model) {
		Viewer viewer = signed.viewer();
		ServiceCases.Case c = this.cases.require(viewer, caseId);
		model.addAttribute("c", c);
		model.addAttribute("warning", this.cases.warning(c));
		model.addAttribute("mayAct",
				c.status().equals("OPEN") && c.current()
					.map(s -> s.unitCode().equals(viewer.unitCode()) || viewer.has(Role.ADMIN))
					.orElse(false));
		java.util.List<PowerRegister.Step> steps = this.register.power(c.powerCode()).steps();
		int lastStep = steps.get(steps.size() - 1).number();
		model.addAttribute("last", c.current().map(s -> s.number() == lastStep).orElse(false));
		model.addAttribute("today", this.cases.today());
		return "duties/case";
	}

	@PostMapping("/duties/case/steps")
	String advance(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam("id") long caseId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam ServiceCases.Outcome outcome, RedirectAttributes redirect, Locale locale) {
		try {
			this.cases.advance(signed.viewer(), caseId, on, outcome);
		}
		catch (Problem ex) {
			if (ex.status().value() == 403 || ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("error", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
		}
		return "redirect:/duties/case?id=" + caseId;
	}

	@GetMapping("/duties/statistics")
	String statistics(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate splitOn,
			Model model) {
		model.addAttribute("rows", this.statistics.decisionTimes(signed.viewer(), splitOn));
		model.addAttribute("splitOn", splitOn);
		return "duties/statistics";
	}

}
