package cn.jianfu.feedback.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.jianfu.feedback.internal.Category;
import cn.jianfu.feedback.internal.Docket;
import cn.jianfu.feedback.internal.FormTokens;
import cn.jianfu.feedback.internal.Report;
import cn.jianfu.feedback.internal.ReportDesk;
import cn.jianfu.platform.Problem;

/**
 * The anonymous pages: send a report, then follow it with the receipt code. No page
 * redirects (a redirect would need the code in a URL or a session); each form is answered
 * in place. The receipt code only ever travels in a POST body.
 */
@Controller
class ReportPages {

	private final ReportDesk desk;

	private final Docket docket;

	ReportPages(ReportDesk desk, Docket docket) {
		this.desk = desk;
		this.docket = docket;
	}

	@GetMapping("/report")
	String form(Model model) {
		return form(model, null, null, null, null);
	}

	@PostMapping("/report")
	String submit(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String place,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		try {
			if (!FormTokens.valid(token)) {
				throw Problem.badRequest("report.form.expired");
			}
			ReportDesk.Receipt receipt = this.desk.submit(category, text, place, Uploads.read(files));
			model.addAttribute("receipt", receipt);
			return "feedback/receipt";
		}
		catch (Problem problem) {
			response.setStatus(problem.status().value());
			model.addAttribute("error", problem);
			return form(model, category, text, place, problem);
		}
	}

	private String form(Model model, @Nullable String category, @Nullable String text, @Nullable String place,
			@Nullable Problem problem) {
		model.addAttribute("token", FormTokens.issue());
		model.addAttribute("categories", Category.values());
		model.addAttribute("places", this.desk.places());
		model.addAttribute("category", category);
		model.addAttribute("text", text);
		model.addAttribute("place", place);
		model.addAttribute("error", problem);
		return "feedback/report";
	}

	@GetMapping("/report/follow")
	String follow(Model model) {
		model.addAttribute("token", FormTokens.issue());
		return "feedback/follow";
	}

	@PostMapping("/report/follow")
	String lookup(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String code, Model model, HttpServletResponse response) {
		return answer(model, response, code, () -> {
			requireToken(token);
			return this.desk.follow(code);
		});
	}

	@PostMapping("/report/follow/info")
	String addInformation(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String text,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		return answer(model, response, code, () -> {
			requireToken(token);
			return Optional.of(this.desk.addInformation(code, text, Uploads.read(files)));
		});
	}

	@PostMapping("/report/follow/answer")
	String respond(@RequestParam(required = false) @Nullable String token,
			@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable String verdict,
			@RequestParam(required = false) @Nullable String comment, Model model, HttpServletResponse response) {
		return answer(model, response, code, () -> {
			requireToken(token);
			return Optional.of(this.desk.respond(code, verdict, comment));
		});
	}

	private String answer(Model model, HttpServletResponse response, @Nullable String code,
			java.util.function.Supplier<Optional<Report>> action) {
		model.addAttribute("token", FormTokens.issue());
		try {
			Optional<Report> report = action.get();
			if (report.isEmpty()) {
				response.setStatus(HttpServletResponse.SC_OK);
				model.addAttribute("error", Problem.notFound("report.receipt", ""));
				return "feedback/follow";
			}
			model.addAttribute("report", report.get());
			model.addAttribute("code", code);
			model.addAttribute("decision", this.docket.decisionOf(report.get()).orElse(null));
			return "feedback/follow";
		}
		catch (Problem problem) {
			response.setStatus(problem.status().value());
			model.addAttribute("error", problem);
			model.addAttribute("code", code);
			return "feedback/follow";
		}
	}

	private static void requireToken(@Nullable String token) {
		if (!FormTokens.valid(token)) {
			throw Problem.badRequest("report.form.expired");
		}
	}

}
