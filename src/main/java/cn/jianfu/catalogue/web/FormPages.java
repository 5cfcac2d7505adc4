package cn.jianfu.catalogue.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;

import cn.jianfu.catalogue.internal.Forms;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.TemplateReader;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The issuer's data-request form: type the fields or upload the Excel template used
 * today, see which fields the catalogue already holds (and who owns them), then create
 * the gate's draft and continue on the demand's page.
 */
@Controller
class FormPages {

	private final Forms forms;

	FormPages(Forms forms) {
		this.forms = forms;
	}

	@GetMapping("/catalogue/forms/new")
	String form(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		requireIssuer(signed.viewer());
		model.addAttribute("request",
				new FormInput(null, null, null, PeriodType.YEAR, String.valueOf(LocalDate.now().getYear()), 5,
						signed.viewer().unitCode(), LocalDate.now().plusDays(20), ""));
		return page(model);
	}

	@PostMapping("/catalogue/forms")
	String create(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable String legalBasis,
			@RequestParam(required = false) @Nullable PeriodType periodType,
			@RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable Integer recipientLevel,
			@RequestParam(required = false) @Nullable String recipientUnder,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate deadline,
			@RequestParam(defaultValue = "") String fields, @RequestParam(defaultValue = "create") String action,
			@RequestParam(defaultValue = "false") boolean draw,
			@RequestParam(required = false) @Nullable MultipartFile template, Model model) throws IOException {
		Viewer viewer = signed.viewer();
		requireIssuer(viewer);
		String names = fields;
		try {
			if (template != null && !template.isEmpty()) {
				TemplateReader.Result read = TemplateReader.read(CatalogueUploads.read(template));
				if (read.error() != null) {
					throw Problem.badRequest("catalogue.template." + read.error(),
							read.where() == null ? template.getOriginalFilename() : read.where());
				}
				List<String> lines = new ArrayList<>();
				read.fields().forEach(f -> lines.add(f.name()));
				names = String.join("\n", lines);
				action = "preview";
			}
			FormInput input = new FormInput(title, body, legalBasis, periodType, period, recipientLevel, recipientUnder,
					deadline, names);
			List<String> labels = names.lines().toList();
			if (action.equals("preview")) {
				model.addAttribute("request", input);
				model.addAttribute("preview", this.forms.preview(labels));
				return page(model);
			}
			long id = this.forms.create(viewer, new Forms.Request(title, body, legalBasis, periodType, period,
					recipientLevel, recipientUnder, deadline, labels, draw));
			return "redirect:/demands/" + id;
		}
		catch (Problem problem) {
			if (problem.status() != HttpStatus.BAD_REQUEST) {
				throw problem;
			}
			((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse()
				.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", problem);
			model.addAttribute("request", new FormInput(title, body, legalBasis, periodType, period, recipientLevel,
					recipientUnder, deadline, names));
			return page(model);
		}
	}

	private static String page(Model model) {
		model.addAttribute("periodTypes", PeriodType.values());
		return "catalogue/form";
	}

	static void requireIssuer(Viewer viewer) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "catalogue.form.issuer-only");
		}
	}

	/** What the form shows again. */
	record FormInput(@Nullable String title, @Nullable String body, @Nullable String legalBasis,
			@Nullable PeriodType periodType, @Nullable String period, @Nullable Integer recipientLevel,
			@Nullable String recipientUnder, @Nullable LocalDate deadline, String fields) {
	}

}
