package cn.jianfu.apps.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

import cn.jianfu.apps.internal.AppDetails;
import cn.jianfu.apps.internal.AppFeature;
import cn.jianfu.apps.internal.AppForm;
import cn.jianfu.apps.internal.AppRegistry;
import cn.jianfu.apps.internal.AppsDashboard;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * The registry page (政务应用登记), the registration form that sends the sponsor to the gate,
 * and the apps-per-person dashboard.
 */
@Controller
class AppPages {

	private final AppRegistry registry;

	private final AppsDashboard dashboard;

	private final OrgChart orgChart;

	AppPages(AppRegistry registry, AppsDashboard dashboard, OrgChart orgChart) {
		this.registry = registry;
		this.dashboard = dashboard;
		this.orgChart = orgChart;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "*.id");
	}

	@GetMapping("/apps")
	String list(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		model.addAttribute("apps", this.registry.list(signed.viewer().scope()));
		return "apps/apps";
	}

	@GetMapping("/apps/dashboard")
	String dashboard(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		model.addAttribute("summary", this.dashboard.summary(signed.viewer()));
		return "apps/dashboard";
	}

	@GetMapping("/apps/new")
	String newApp(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		requireIssuer(signed.viewer());
		model.addAttribute("appForm", new AppFormData());
		return form(signed.viewer(), model);
	}

	@PostMapping("/apps")
	String register(@AuthenticationPrincipal Viewer.Signed signed, @ModelAttribute("appForm") AppFormData form,
			BindingResult result, Model model, HttpServletResponse response) {
		Viewer viewer = signed.viewer();
		requireIssuer(viewer);
		if (!result.hasErrors()) {
			try {
				return "redirect:/demands/" + this.registry.register(viewer, form.registration());
			}
			catch (Problem problem) {
				if (problem.status() == HttpStatus.FORBIDDEN) {
					throw problem;
				}
				result.reject(problem.messageKey(), problem.args(), problem.code());
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return form(viewer, model);
	}

	private String form(Viewer viewer, Model model) {
		model.addAttribute("units",
				this.orgChart.children(viewer.scope(), viewer.unitCode(), new Page.Request(0, Page.MAX_SIZE)).items());
		model.addAttribute("forms", AppForm.values());
		model.addAttribute("features", AppFeature.values());
		return "apps/app-form";
	}

	static void requireIssuer(Viewer viewer) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "apps.not-issuer");
		}
	}

	/** The registration form. */
	static class AppFormData {

		private String name = "";

		private String form = "APP";

		private String registrationNumber = "";

		private List<String> features = new ArrayList<>();

		private String functions = "";

		private int usersPerUnit = 1;

		private int minutesPerDay = 10;

		private String complaintUrl = "";

		private List<String> targets = new ArrayList<>();

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate launchOn;

		private String description = "";

		AppRegistry.Registration registration() {
			AppForm f;
			try {
				f = AppForm.valueOf(this.form);
			}
			catch (IllegalArgumentException ex) {
				throw Problem.badRequest("request.invalid", this.form);
			}
			Set<AppFeature> set = new LinkedHashSet<>();
			for (String key : this.features) {
				set.add(AppFeature.ofKey(key).orElseThrow(() -> Problem.badRequest("request.invalid", key)));
			}
			return new AppRegistry.Registration(this.name, f, this.registrationNumber, set,
					AppDetails.functions(this.functions), this.usersPerUnit, this.minutesPerDay, this.complaintUrl,
					List.copyOf(this.targets), this.launchOn, this.description);
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getForm() {
			return this.form;
		}

		public void setForm(String form) {
			this.form = form;
		}

		public String getRegistrationNumber() {
			return this.registrationNumber;
		}

		public void setRegistrationNumber(String registrationNumber) {
			this.registrationNumber = registrationNumber;
		}

		public List<String> getFeatures() {
			return this.features;
		}

		public void setFeatures(List<String> features) {
			this.features = features;
		}

		public String getFunctions() {
			return this.functions;
		}

		public void setFunctions(String functions) {
			this.functions = functions;
		}

		public int getUsersPerUnit() {
			return this.usersPerUnit;
		}

		public void setUsersPerUnit(int usersPerUnit) {
			this.usersPerUnit = usersPerUnit;
		}

		public int getMinutesPerDay() {
			return this.minutesPerDay;
		}

		public void setMinutesPerDay(int minutesPerDay) {
			this.minutesPerDay = minutesPerDay;
		}

		public String getComplaintUrl() {
			return this.complaintUrl;
		}

		public void setComplaintUrl(String complaintUrl) {
			this.complaintUrl = complaintUrl;
		}

		public List<String> getTargets() {
			return this.targets;
		}

		public void setTargets(List<String> targets) {
			this.targets = targets;
		}

		public @Nullable LocalDate getLaunchOn() {
			return this.launchOn;
		}

		public void setLaunchOn(@Nullable LocalDate launchOn) {
			this.launchOn = launchOn;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

	}

}
