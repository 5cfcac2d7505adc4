package cn.jianfu.gate.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.gate.internal.DemandDesk;
import cn.jianfu.gate.internal.DemandId;
import cn.jianfu.gate.internal.Gatekeeper;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The buttons on a demand's page: submit, answer findings, issue, withdraw, approve and
 * reject. Each posts, acts and redirects back (Post/Redirect/Get); a refusal shows as an
 * error on the page it returns to.
 */
@Controller
class DemandActions {

	static final String ANSWER = "answer.";

	private final DemandDesk desk;

	private final Gatekeeper gatekeeper;

	private final MessageSource messages;

	DemandActions(DemandDesk desk, Gatekeeper gatekeeper, MessageSource messages) {
		this.desk = desk;
		this.gatekeeper = gatekeeper;
		this.messages = messages;
	}

	@PostMapping("/demands/{id}/submit")
	String submit(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, "demand.submitted-flash",
				() -> this.gatekeeper.submit(signed.viewer(), new DemandId(id), version));
	}

	@PostMapping("/demands/{id}/justifications")
	String justify(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Map<String, String> answers = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(ANSWER)) {
				answers.put(name.substring(ANSWER.length()), value);
			}
		});
		return act(id, redirect, "demand.justified-flash",
				() -> this.desk.justify(signed.viewer(), new DemandId(id), version(params), answers));
	}

	@PostMapping("/demands/{id}/issue")
	String issue(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, "demand.issued-flash",
				() -> this.desk.issue(signed.viewer(), new DemandId(id), version));
	}

	@PostMapping("/demands/{id}/close")
	String close(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, "demand.closed-flash",
				() -> this.desk.close(signed.viewer(), new DemandId(id), version));
	}

	@PostMapping("/demands/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, "demand.withdrawn-flash",
				() -> this.desk.withdraw(signed.viewer(), new DemandId(id), version));
	}

	@PostMapping("/demands/{id}/approve")
	String approve(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer version,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		String target = act(id, redirect, "demand.approved-flash",
				() -> this.gatekeeper.approve(signed.viewer(), new DemandId(id), version, reason));
		return "review".equals(back) ? "redirect:/gate/review" : target;
	}

	@PostMapping("/demands/{id}/reject")
	String reject(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer version,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		String target = act(id, redirect, "demand.rejected-flash",
				() -> this.gatekeeper.reject(signed.viewer(), new DemandId(id), version, reason));
		return "review".equals(back) ? "redirect:/gate/review" : target;
	}

	private String act(long id, RedirectAttributes redirect, String flash, Runnable action) {
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
		return "redirect:/demands/" + id;
	}

	private static @Nullable Integer version(Map<String, String> params) {
		String version = params.get("version");
		try {
			return version == null || version.isBlank() ? null : Integer.valueOf(version.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
