package cn.jianfu.inspections.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.inspections.internal.InspectionDemands;
import cn.jianfu.inspections.internal.InspectionPlan;
import cn.jianfu.inspections.internal.InspectionType;
import cn.jianfu.inspections.internal.Material;
import cn.jianfu.inspections.internal.PlanItem;
import cn.jianfu.inspections.internal.Reduction;
import cn.jianfu.inspections.internal.VisitCalendar;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * The plan page (年度督检考计划), the forms for a plan item and an inspection demand, the
 * township calendar and the gatekeeper's schedule.
 */
@Controller
class InspectionPages {

	private final InspectionPlan plan;

	private final InspectionDemands demands;

	private final VisitCalendar calendar;

	private final Reduction reduction;

	private final OrgChart orgChart;

	InspectionPages(InspectionPlan plan, InspectionDemands demands, VisitCalendar calendar, Reduction reduction,
			OrgChart orgChart) {
		this.plan = plan;
		this.demands = demands;
		this.calendar = calendar;
		this.reduction = reduction;
		this.orgChart = orgChart;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "*.id");
	}

	static int year(@Nullable Integer year) {
		return year == null ? LocalDate.now().getYear() : year;
	}

	static void requireIssuer(Viewer viewer) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "inspections.not-issuer");
		}
	}

	static void requireKeeper(Viewer viewer) {
		if (!viewer.has(Role.GATEKEEPER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "inspections.not-gatekeeper");
		}
	}

	@GetMapping("/inspections")
	String plan(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		Viewer viewer = signed.viewer();
		int y = year(year);
		List<PlanItem> items = this.plan.items(viewer.scope(), y);
		model.addAttribute("year", y);
		model.addAttribute("items", items);
		model.addAttribute("merges", this.calendar.merges(viewer, items));
		model.addAttribute("standing", this.reduction.standing(viewer, y).orElse(null));
		return "inspections/plan";
	}

	@GetMapping("/inspections/items/new")
	String newItem(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		requireIssuer(signed.viewer());
		model.addAttribute("itemForm", new InspectionForms.ItemForm());
		return itemForm(signed.viewer(), model);
	}

	@PostMapping("/inspections/items")
	String addItem(@AuthenticationPrincipal Viewer.Signed signed,
			@ModelAttribute("itemForm") InspectionForms.ItemForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Viewer viewer = signed.viewer();
		requireIssuer(viewer);
		if (!result.hasErrors()) {
			try {
				PlanItem item = this.plan.add(viewer, form.item());
				redirect.addFlashAttribute("added", item.title());
				return "redirect:/inspections?year=" + item.year();
			}
			catch (Problem problem) {
				reject(problem, result);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return itemForm(viewer, model);
	}

	private String itemForm(Viewer viewer, Model model) {
		options(viewer, model);
		return "inspections/item-form";
	}

	private void options(Viewer viewer, Model model) {
		List<Unit> units = this.orgChart.children(viewer.scope(), viewer.unitCode(), new Page.Request(0, Page.MAX_SIZE))
			.items();
		model.addAttribute("units", units);
		model.addAttribute("types", InspectionType.values());
		model.addAttribute("materials", Arrays.asList(Material.values()));
	}

	static void reject(Problem problem, BindingResult result) {
		if (problem.status() == HttpStatus.FORBIDDEN || problem.status() == HttpStatus.NOT_FOUND) {
			throw problem;
		}
		result.reject(problem.messageKey(), problem.args(), problem.code());
	}

	@GetMapping("/inspections/demands/new")
	String newDemand(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(required = false) @Nullable Long item,
			Model model) {
		Viewer viewer = signed.viewer();
		requireIssuer(viewer);
		InspectionForms.DemandForm form = new InspectionForms.DemandForm();
		form.setPlanItem(item);
		model.addAttribute("demandForm", form);
		return demandForm(viewer, form.getYear(), model);
	}

	@PostMapping("/inspections/demands")
	String placeDemand(@AuthenticationPrincipal Viewer.Signed signed,
			@ModelAttribute("demandForm") InspectionForms.DemandForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		Viewer viewer = signed.viewer();
		requireIssuer(viewer);
		if (!result.hasErrors()) {
			try {
				InspectionDemands.Request request = form.request();
				return "redirect:/demands/" + this.demands.place(viewer, request);
			}
			catch (Problem problem) {
				reject(problem, result);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return demandForm(viewer, form.getYear(), model);
	}

	private String demandForm(Viewer viewer, int year, Model model) {
		options(viewer, model);
		List<PlanItem> own = this.plan.ofIssuer(viewer.unitCode(), viewer.departmentId(), year);
		List<PlanItem> next = this.plan.ofIssuer(viewer.unitCode(), viewer.departmentId(), year + 1);
		model.addAttribute("planItems", java.util.stream.Stream.concat(own.stream(), next.stream()).toList());
		return "inspections/demand-form";
	}

	@GetMapping("/inspections/calendar")
	String calendar(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		Viewer viewer = signed.viewer();
		int y = year(year);
		model.addAttribute("year", y);
		model.addAttribute("caps", this.calendar.caps(viewer));
		model.addAttribute("rows", this.calendar.rows(viewer, y));
		return "inspections/calendar";
	}

	@GetMapping("/inspections/schedule")
	String schedule(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		Viewer viewer = signed.viewer();
		requireKeeper(viewer);
		int y = year(year);
		model.addAttribute("year", y);
		model.addAttribute("proposal", this.calendar.propose(viewer, y));
		model.addAttribute("settled", this.calendar.visits(viewer.scope(), y));
		model.addAttribute("names", names(viewer, y));
		return "inspections/schedule";
	}

	private java.util.Map<String, String> names(Viewer viewer, int year) {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		for (Unit unit : this.orgChart.children(viewer.scope(), viewer.unitCode(), new Page.Request(0, Page.MAX_SIZE))
			.items()) {
			names.put(unit.code(), unit.name());
		}
		for (PlanItem item : this.plan.items(viewer.scope(), year)) {
			names.put(String.valueOf(item.id()), item.title());
		}
		return names;
	}

	@PostMapping("/inspections/schedule/accept")
	String accept(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam int year, RedirectAttributes redirect) {
		int visits = this.calendar.accept(signed.viewer(), year);
		redirect.addFlashAttribute("accepted", visits);
		return "redirect:/inspections/schedule?year=" + year;
	}

	@PostMapping("/inspections/schedule/change")
	String change(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam long visit,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, RedirectAttributes redirect) {
		this.calendar.change(signed.viewer(), visit, on);
		redirect.addFlashAttribute("changed", true);
		return "redirect:/inspections/schedule?year=" + on.getYear();
	}

	@PostMapping("/inspections/baseline")
	String baseline(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam int baselineYear,
			@RequestParam int count, @RequestParam(required = false) @Nullable Integer year,
			RedirectAttributes redirect) {
		this.reduction.setBaseline(signed.viewer(), baselineYear, count);
		redirect.addFlashAttribute("baselineSaved", true);
		return "redirect:/inspections?year=" + year(year);
	}

}
