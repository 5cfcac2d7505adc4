package cn.jianfu.gate.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.internal.AssessmentChecklist;
import cn.jianfu.gate.internal.Demand;
import cn.jianfu.gate.internal.DemandAttachments;
import cn.jianfu.gate.internal.DemandDesk;
import cn.jianfu.gate.internal.DemandId;
import cn.jianfu.gate.internal.DemandStatus;
import cn.jianfu.gate.internal.Demands;
import cn.jianfu.gate.internal.Gatekeeper;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * 我的事项: the list of my demands, the new-demand and edit forms, and a demand's page with
 * its findings and the actions its state allows.
 */
@Controller
class DemandPages {

	/** The form field each problem code belongs to, for the error summary's links. */
	private static final Map<String, String> FIELDS = Map.of("demand.kind", "kind", "demand.title", "title",
			"demand.body", "body", "demand.due-date", "dueDate", "demand.response-days", "responseDays",
			"demand.too-long", "legalBasis", "demand.not-found", "parentId");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Demands.CHINA);

	private final DemandDesk desk;

	private final Gatekeeper gatekeeper;

	private final OrgChart orgChart;

	private final AssessmentChecklist checklist;

	private final DemandAttachments attachments;

	DemandPages(DemandDesk desk, Gatekeeper gatekeeper, OrgChart orgChart, AssessmentChecklist checklist,
			DemandAttachments attachments) {
		this.desk = desk;
		this.gatekeeper = gatekeeper;
		this.orgChart = orgChart;
		this.checklist = checklist;
		this.attachments = attachments;
	}

	@InitBinder("demandForm")
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "*.id", "status", "issuer*", "gateNumber");
	}

	@GetMapping("/demands")
	String list(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("demands", this.desk.list(signed.viewer(), null, new Page.Request(Math.max(page, 0), 50)));
		return "gate/demands";
	}

	@GetMapping("/demands/new")
	String initCreationForm(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		if (!signed.viewer().has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "demand.not-issuer");
		}
		DemandForm form = new DemandForm();
		return form(signed.viewer(), form, null, model);
	}

	@PostMapping("/demands")
	String processCreationForm(@AuthenticationPrincipal Viewer.Signed signed, @ModelAttribute DemandForm demandForm,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				DemandId id = this.desk.create(signed.viewer(), demandForm.draft(this.checklist));
				redirect.addFlashAttribute("flash", "demand.created-flash");
				return "redirect:/demands/" + id;
			}
			catch (Problem problem) {
				reject(result, problem);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(signed.viewer(), demandForm, null, model);
	}

	@GetMapping("/demands/{id}/edit")
	String initUpdateForm(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id, Model model) {
		Demand demand = this.desk.view(signed.viewer(), new DemandId(id));
		if (!this.desk.mayIssue(signed.viewer(), demand)) {
			throw new Problem(HttpStatus.FORBIDDEN, "demand.not-issuer");
		}
		return form(signed.viewer(), DemandForm.of(demand), demand, model);
	}

	@PostMapping("/demands/{id}/edit")
	String processUpdateForm(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@ModelAttribute DemandForm demandForm, BindingResult result, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				this.desk.edit(signed.viewer(), new DemandId(id), demandForm.getVersion(),
						demandForm.draft(this.checklist));
				redirect.addFlashAttribute("flash", "demand.saved-flash");
				return "redirect:/demands/" + id;
			}
			catch (Problem problem) {
				reject(result, problem);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(signed.viewer(), demandForm, this.desk.view(signed.viewer(), new DemandId(id)), model);
	}

	@GetMapping("/demands/{id}")
	String show(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id, Model model) {
		Viewer viewer = signed.viewer();
		Demand demand = this.desk.view(viewer, new DemandId(id));
		model.addAttribute("demand", demand);
		model.addAttribute("mayIssue", this.desk.mayIssue(viewer, demand));
		model.addAttribute("mayDecide", this.gatekeeper.mayDecide(viewer, demand));
		model.addAttribute("needsAnswers",
				demand.status() == DemandStatus.NEEDS_JUSTIFICATION && this.desk.mayIssue(viewer, demand));
		model.addAttribute("issuedAt", format(demand.issuedAt()));
		model.addAttribute("updatedAt", format(demand.updatedAt()));
		model.addAttribute("questions", this.checklist.questions());
		model.addAttribute("attachments", this.attachments.list(demand.id()));
		model.addAttribute("mayAttach", this.desk.mayIssue(viewer, demand)
				&& (demand.status() == DemandStatus.DRAFT || demand.status() == DemandStatus.RETURNED));
		return "gate/demand";
	}

	/**
	 * Attaches the uploaded file and shows the demand again; a file the user can fix (too
	 * large, wrong kind, too many) is shown in the error summary.
	 */
	@PostMapping("/demands/{id}/attachments")
	String attach(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			try (InputStream in = (file == null) ? InputStream.nullInputStream() : file.getInputStream()) {
				this.attachments.add(signed.viewer(), new DemandId(id),
						file == null ? null : file.getOriginalFilename(), in);
			}
			redirect.addFlashAttribute("flash", "demand.attachment.added-flash");
		}
		catch (Problem problem) {
			if (problem.status().value() == 403 || problem.status().value() == 404) {
				throw problem;
			}
			redirect.addFlashAttribute("attachmentError", problem.messageKey());
			redirect.addFlashAttribute("attachmentErrorArgs", problem.args());
		}
		return "redirect:/demands/" + id;
	}

	@GetMapping("/demands/{id}/attachments/{attachmentId}")
	ResponseEntity<Resource> download(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@PathVariable long attachmentId) {
		return DemandsApi.send(this.attachments.open(signed.viewer(), new DemandId(id), attachmentId));
	}

	private String form(Viewer viewer, DemandForm form, @Nullable Demand demand, Model model) {
		model.addAttribute("demandForm", form);
		model.addAttribute("demand", demand);
		model.addAttribute("kinds", DemandKind.values());
		model.addAttribute("questions", this.checklist.questions());
		List<Unit> units = new ArrayList<>(
				this.orgChart.children(viewer.scope(), viewer.unitCode(), new Page.Request(0, Page.MAX_SIZE)).items());
		model.addAttribute("units", units);
		List<Unit> unders = new ArrayList<>();
		unders.add(this.orgChart.require(viewer.scope(), viewer.unitCode()));
		unders.addAll(units);
		model.addAttribute("unders", unders);
		model.addAttribute("levels", List.of(UnitLevel.TOWNSHIP, UnitLevel.VILLAGE));
		return "gate/demand-form";
	}

	/**
	 * Shows a problem the user can fix on the form; one that says the user may not do
	 * this at all (403, 404) is answered as such.
	 */
	static void reject(BindingResult result, Problem problem) {
		if (problem.status().value() == 403 || problem.status().value() == 404) {
			throw problem;
		}
		String field = FIELDS.get(problem.code());
		if (field == null && problem.code().startsWith("demand.recipient")) {
			field = "recipientUnitCodes";
		}
		if (field != null) {
			result.rejectValue(field, problem.messageKey(), problem.args(), problem.code());
		}
		else {
			result.reject(problem.messageKey(), problem.args(), problem.code());
		}
	}

	static @Nullable String format(@Nullable Instant instant) {
		return instant == null ? null : TIME.format(instant);
	}

}
