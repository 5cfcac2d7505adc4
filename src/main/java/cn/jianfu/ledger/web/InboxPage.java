package cn.jianfu.ledger.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.ledger.internal.Inbox;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The grassroots inbox page: every demand addressed to my unit, with its gate number,
 * basis and estimated hours, and forms to mark it done, log hours, refuse it, or report a
 * demand that bypassed the gate. Each form posts, then redirects back with a message; a
 * bad value shows in an error summary above the forms.
 */
@Controller
class InboxPage {

	private final Inbox inbox;

	InboxPage(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/inbox")
	String inbox(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		if (!model.containsAttribute("ungated")) {
			model.addAttribute("ungated", new UngatedForm());
		}
		return page(signed.viewer(), model);
	}

	@PostMapping("/inbox/{demandId}/done")
	String done(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long demandId, Model model,
			RedirectAttributes redirect) {
		return act(signed.viewer(), model, redirect, "inbox.done-flash", "done-" + demandId,
				() -> this.inbox.markDone(signed.viewer(), demandId));
	}

	@PostMapping("/inbox/{demandId}/hours")
	String hours(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long demandId,
			@RequestParam(required = false) @Nullable String hours, Model model, RedirectAttributes redirect) {
		return act(signed.viewer(), model, redirect, "inbox.hours-flash", "hours-" + demandId,
				() -> this.inbox.logHours(signed.viewer(), demandId, number(hours)));
	}

	@PostMapping("/inbox/{demandId}/refuse")
	String refuse(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long demandId,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect) {
		return act(signed.viewer(), model, redirect, "inbox.refused-flash", "reason-" + demandId,
				() -> this.inbox.refuse(signed.viewer(), demandId, reason));
	}

	@PostMapping("/inbox/ungated")
	String ungated(@AuthenticationPrincipal Viewer.Signed signed, @ModelAttribute("ungated") UngatedForm form,
			@RequestParam(required = false) @Nullable MultipartFile attachment, Model model,
			RedirectAttributes redirect) {
		return act(signed.viewer(), model, redirect, "ungated.flash", "ungated-form",
				() -> this.inbox.reportUngated(signed.viewer(), new Inbox.UngatedReport(form.getChannel(),
						form.getIssuer(), form.getReceivedOn(), form.getText(), attachment(attachment))));
	}

	private String act(Viewer viewer, Model model, RedirectAttributes redirect, String flash, String field,
			Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", flash);
			return "redirect:/inbox";
		}
		catch (Problem problem) {
			if (problem.status() != HttpStatus.BAD_REQUEST && problem.status() != HttpStatus.CONFLICT) {
				throw problem;
			}
			((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse()
				.setStatus(problem.status().value());
			model.addAttribute("error", new PageError(field, problem.messageKey(), problem.args()));
			if (!model.containsAttribute("ungated")) {
				model.addAttribute("ungated", new UngatedForm());
			}
			return page(viewer, model);
		}
	}

	private String page(Viewer viewer, Model model) {
		model.addAttribute("entries", this.inbox.entries(viewer));
		model.addAttribute("channels", Inbox.CHANNELS);
		model.addAttribute("maxAttachmentMb", Inbox.MAX_ATTACHMENT / 1024 / 1024);
		return "ledger/inbox";
	}

	private static @Nullable BigDecimal number(@Nullable String text) {
		try {
			return (text == null || text.isBlank()) ? null : new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static Inbox.@Nullable Attachment attachment(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		return new Inbox.Attachment(file.getContentType(), file.getSize(), file::getInputStream);
	}

	/** A failure to show in the error summary, linking to the field it concerns. */
	record PageError(String field, String messageKey, Object[] args) {
	}

	/** The report-an-ungated-demand form. */
	static class UngatedForm {

		private @Nullable String channel;

		private @Nullable String issuer;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate receivedOn;

		private @Nullable String text;

		public @Nullable String getChannel() {
			return this.channel;
		}

		public void setChannel(@Nullable String channel) {
			this.channel = channel;
		}

		public @Nullable String getIssuer() {
			return this.issuer;
		}

		public void setIssuer(@Nullable String issuer) {
			this.issuer = issuer;
		}

		public @Nullable LocalDate getReceivedOn() {
			return this.receivedOn;
		}

		public void setReceivedOn(@Nullable LocalDate receivedOn) {
			this.receivedOn = receivedOn;
		}

		public @Nullable String getText() {
			return this.text;
		}

		public void setText(@Nullable String text) {
			this.text = text;
		}

	}

}
