package cn.jianfu.shell;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Bilingual;

/**
 * The sign-in page; the form posts to Spring Security's {@code /login}, which comes back
 * here with {@code ?error}, {@code ?locked} or, after signing out, {@code ?logout}.
 */
@Controller
class SignInPage {

	private final Bilingual bilingual;

	SignInPage(Bilingual bilingual) {
		this.bilingual = bilingual;
	}

	@GetMapping("/login")
	String signIn(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String locked,
			@RequestParam(required = false) @Nullable String logout, Model model) {
		if (Viewer.current().isPresent()) {
			return "redirect:/";
		}
		if (locked != null) {
			model.addAttribute("alert", this.bilingual.text("login.locked"));
		}
		else if (error != null) {
			model.addAttribute("alert", this.bilingual.text("login.error"));
		}
		else if (logout != null) {
			model.addAttribute("notice", this.bilingual.text("login.logged-out"));
		}
		return "login";
	}

}
