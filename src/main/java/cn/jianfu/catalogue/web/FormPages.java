package cn.jianfu.catalogue.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.catalogue.internal.Forms;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.TemplateReader;
import cn.jianfu.gate.DemandIntake;
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

	private final DemandIntake intake;

	FormPages(Forms forms, DemandIntake intake) {
		this.forms = forms;
		this.intake = intake;
	}

	@GetMapping("/catalogue/forms/new")
	String form(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		requireIssuer(signed.viewer());
		model.addAttribute("request",
				new FormInput(null, null, null, PeriodType.YEAR, String.valueOf(LocalDate.now().getYear()), 5,
						signed.viewer().unitCode(), LocalDate.now().plusDays(20), "", true));
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
					deadline, names, draw);
			List<String> labels = names.lines().toList();
			if (action.equals("preview")) {
				model.addAttribute("request", input);
				List<Forms.Field> preview = this.forms.preview(labels);
				model.addAttribute("preview", preview);
				model.addAttribute("held", held(preview, recipientUnder == null || recipientUnder.isBlank()
						? viewer.unitCode() : recipientUnder.strip()));
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
					recipientUnder, deadline, names, draw));
			return page(model);
		}
	}

	/**
	 * Who already collects each previewed field that is a catalogue indicator, by label.
	 */
	private Map<String, Forms.Collection> held(List<Forms.Field> fields, String under) {
		Map<String, Forms.Collection> held = new HashMap<>();
		for (Forms.Field field : fields) {
			if (field.known()) {
				this.forms.collected(field.indicatorCode(), under).ifPresent(c -> held.put(field.label(), c));
			}
		}
		return held;
	}

	/**
	 * A form's fields as stored: which are asked of the recipients, which are drawn from
	 * the catalogue and which another department already collects; while the demand can
	 * still be edited, the issuer draws the collected ones here.
	 */
	@GetMapping("/catalogue/forms/{id}")
	String show(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id, Model model) {
		Viewer viewer = signed.viewer();
		Forms.Form form = this.forms.readable(viewer, id);
		String status = this.intake.find(viewer, id).map(DemandIntake.Tracked::status).orElse(form.status());
		Map<String, Forms.Collection> held = held(form.fields(), form.recipientUnder());
		boolean editable = status.equals("DRAFT") || status.equals("RETURNED");
		model.addAttribute("form", form);
		model.addAttribute("held", held);
		model.addAttribute("status", status);
		model.addAttribute("mayDraw", editable && viewer.has(Role.ISSUER) && form.issuerUnit().equals(viewer.unitCode())
				&& form.fields().stream().anyMatch(f -> !f.drawn() && held.containsKey(f.label())));
		return "catalogue/form-fields";
	}

	@PostMapping("/catalogue/forms/{id}/draw")
	String draw(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id, RedirectAttributes redirect) {
		int drawn = this.forms.draw(signed.viewer(), id);
		redirect.addFlashAttribute("drawn", drawn);
		return "redirect:/catalogue/forms/" + id;
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
			@Nullable String recipientUnder, @Nullable LocalDate deadline, String fields, boolean draw) {
	}

}
