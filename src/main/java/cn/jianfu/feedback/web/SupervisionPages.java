package cn.jianfu.feedback.web;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.feedback.internal.Category;
import cn.jianfu.feedback.internal.Docket;
import cn.jianfu.feedback.internal.GateWatch;
import cn.jianfu.feedback.internal.Outcome;
import cn.jianfu.feedback.internal.ReportDesk;
import cn.jianfu.org.Viewer;

/**
 * Triage and the docket for supervisors (监督) of the jurisdiction: new reports, gate
 * overrides and ungated demands; a report's links, findings and closure; a case's steps,
 * deadlines and evidence. Path variables are the public numbers of reports
 * ({@code JB-2026-000001}) and cases ({@code WZ-2026-000001}).
 */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class SupervisionPages {

	private final ReportDesk desk;

	private final Docket docket;

	private final GateWatch watch;

	SupervisionPages(ReportDesk desk, Docket docket, GateWatch watch) {
		this.desk = desk;
		this.docket = docket;
		this.watch = watch;
	}

	@GetMapping("/supervision")
	String home(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		Viewer viewer = signed.viewer();
		model.addAttribute("reports", this.desk.list(viewer, null));
		model.addAttribute("overrides", this.watch.overrides(viewer));
		model.addAttribute("ungated", this.watch.ungated(viewer));
		model.addAttribute("cases", this.docket.list(viewer));
		return "feedback/supervision";
	}

	@GetMapping("/supervision/reports/{code}")
	String report(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code, Model model) {
		model.addAttribute("report", this.desk.view(signed.viewer(), code));
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("categories", Category.values());
		return "feedback/supervision-report";
	}

	@PostMapping("/supervision/reports/{code}/link")
	String link(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code,
			@RequestParam(required = false) @Nullable String gateNumber,
			@RequestParam(required = false) @Nullable String issuer,
			@RequestParam(required = false) @Nullable Long ungatedId, RedirectAttributes redirect) {
		this.desk.link(signed.viewer(), code, gateNumber, issuer, ungatedId);
		redirect.addFlashAttribute("flash", "supervision.linked");
		return "redirect:/supervision/reports/" + code;
	}

	@PostMapping("/supervision/reports/{code}/notes")
	String note(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
		this.desk.note(signed.viewer(), code, kind, text);
		redirect.addFlashAttribute("flash", "supervision.noted");
		return "redirect:/supervision/reports/" + code;
	}

	@PostMapping("/supervision/reports/{code}/close")
	String close(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
		this.desk.close(signed.viewer(), code, outcome, text);
		redirect.addFlashAttribute("flash", "supervision.closed");
		return "redirect:/supervision/reports/" + code;
	}

	@GetMapping("/supervision/attachments/{code}")
	ResponseEntity<Resource> attachment(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code) {
		Path file = this.desk.attachment(signed.viewer(), code);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(code).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
			.body(new FileSystemResource(file));
	}

	@PostMapping("/supervision/cases")
	String open(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable String reference,
			@RequestParam(required = false) @Nullable String summary, RedirectAttributes redirect) {
		String number = this.docket.open(signed.viewer(), source, reference, summary);
		redirect.addFlashAttribute("flash", "supervision.opened");
		return "redirect:/supervision/cases/" + number;
	}

	@GetMapping("/supervision/cases/{code}")
	String caseView(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code, Model model) {
		Docket.Case c = this.docket.view(signed.viewer(), code);
		model.addAttribute("c", c);
		model.addAttribute("deadlines", this.docket.deadlines(c));
		model.addAttribute("evidence", this.docket.evidence(signed.viewer(), c));
		model.addAttribute("steps", Docket.Step.values());
		model.addAttribute("next",
				java.util.Arrays.stream(Docket.Step.values())
					.filter(step -> !c.has(step))
					.findFirst()
					.orElse(Docket.Step.DECISION));
		model.addAttribute("decisions", java.util.Arrays.stream(Outcome.values()).filter(Outcome::decision).toList());
		return "feedback/case";
	}

	@PostMapping("/supervision/cases/{code}/steps")
	String step(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code,
			@RequestParam(required = false) @Nullable String step,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable String decision,
			@RequestParam(required = false) @Nullable String bulletin, RedirectAttributes redirect) {
		this.docket.record(signed.viewer(), code, step, body, decision, bulletin);
		redirect.addFlashAttribute("flash", "supervision.recorded");
		return "redirect:/supervision/cases/" + code;
	}

}
