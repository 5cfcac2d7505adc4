package cn.jianfu.org.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.org.Viewer;
import cn.jianfu.org.internal.AccessTokens;
import cn.jianfu.org.internal.PersonalTokens;
import cn.jianfu.platform.Problem;

/**
 * My account: who I am, and my personal access tokens for the API, created (the secret
 * shown once, after the redirect) and revoked here.
 */
@Controller
class AccountPage {

	/** Expiry dates and times are read and shown in China Standard Time. */
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

	private final PersonalTokens tokens;

	AccountPage(PersonalTokens tokens) {
		this.tokens = tokens;
	}

	@InitBinder("tokenForm")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "*.id");
	}

	@GetMapping("/account")
	String initTokenForm(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", new TokenForm());
		}
		return page(signed.viewer(), model);
	}

	/**
	 * Creates a token and redirects to the account page, which shows the secret this
	 * once; a bad name or expiry shows on the form.
	 */
	@PostMapping("/account/tokens")
	String processTokenForm(@AuthenticationPrincipal Viewer.Signed signed, @ModelAttribute TokenForm tokenForm,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Viewer viewer = signed.viewer();
		if (!result.hasErrors()) {
			LocalDate expiresOn = tokenForm.getExpiresOn();
			Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(CHINA).toInstant();
			try {
				PersonalTokens.NewToken created = this.tokens.create(viewer,
						tokenForm.getName() == null ? "" : tokenForm.getName(), expiresAt);
				redirect.addFlashAttribute("newToken", created);
				redirect.addFlashAttribute("flash", "account.token.created-flash");
				return "redirect:/account";
			}
			catch (Problem problem) {
				String field = problem.code().equals("token.expiry") ? "expiresOn" : "name";
				result.rejectValue(field, problem.messageKey(), problem.args(), problem.code());
			}
		}
		return page(viewer, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id, RedirectAttributes redirect) {
		this.tokens.revoke(signed.viewer(), id);
		redirect.addFlashAttribute("flash", "account.token.revoked");
		return "redirect:/account";
	}

	private String page(Viewer viewer, Model model) {
		model.addAttribute("account", viewer);
		model.addAttribute("tokens", this.tokens.list(viewer).stream().map(TokenRow::of).toList());
		return "org/account";
	}

	/** A token as the page lists it, with times in China Standard Time. */
	record TokenRow(long id, String name, @Nullable String created, @Nullable String expires, @Nullable String lastUsed,
			@Nullable String revoked, boolean active) {

		static TokenRow of(AccessTokens.TokenInfo t) {
			boolean expired = t.expiresAt() != null && !t.expiresAt().isAfter(Instant.now());
			return new TokenRow(t.id(), t.name(), format(t.createdAt()), format(t.expiresAt()), format(t.lastUsedAt()),
					format(t.revokedAt()), t.revokedAt() == null && !expired);
		}

		private static @Nullable String format(@Nullable Instant instant) {
			return instant == null ? null : TIME.format(instant);
		}

	}

	/** The create-token form: a name and an optional last day of validity. */
	static class TokenForm {

		private @Nullable String name;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate expiresOn;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable LocalDate getExpiresOn() {
			return this.expiresOn;
		}

		public void setExpiresOn(@Nullable LocalDate expiresOn) {
			this.expiresOn = expiresOn;
		}

	}

}
