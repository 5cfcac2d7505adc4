package cn.jianfu.org.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.org.internal.AccountAdministration;
import cn.jianfu.platform.Problem;

/**
 * The administrator's accounts page: every account in scope with its unit and roles, and
 * a form per account to change the roles (admins only; the security configuration guards
 * {@code /admin/**}).
 */
@Controller
class AccountsPage {

	private final AccountAdministration accounts;

	private final OrgChart orgChart;

	AccountsPage(AccountAdministration accounts, OrgChart orgChart) {
		this.accounts = accounts;
		this.orgChart = orgChart;
	}

	@GetMapping("/admin/accounts")
	String accounts(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		return page(signed.viewer(), new MapBindingResult(Map.of(), "rolesForm"), model);
	}

	/**
	 * Replaces the roles of one account and redirects back with a message; a refused
	 * change (no role left, taking admin from oneself) shows in the error summary.
	 */
	@PostMapping("/admin/accounts/{username}/roles")
	String changeRoles(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String username,
			@RequestParam(required = false) @Nullable List<Role> roles, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		try {
			this.accounts.changeRoles(signed.viewer(), username, chosen);
		}
		catch (Problem problem) {
			if (problem.status() == HttpStatus.NOT_FOUND) {
				throw problem;
			}
			BindingResult result = new MapBindingResult(Map.of(), "rolesForm");
			result.rejectValue(fieldId(username), problem.messageKey(), problem.args(), problem.code());
			response.setStatus(problem.status().value());
			model.addAttribute("failed", username);
			return page(signed.viewer(), result, model);
		}
		redirect.addFlashAttribute("flash", "accounts.roles.changed");
		redirect.addFlashAttribute("changed", username);
		return "redirect:/admin/accounts";
	}

	private String page(Viewer admin, BindingResult result, Model model) {
		List<Row> rows = this.accounts.list(admin)
			.stream()
			.map(a -> new Row(a.username(), a.displayName(), a.unitCode(),
					this.orgChart.unit(admin.scope(), a.unitCode()).map(Unit::name).orElse(a.unitCode()),
					a.roles().stream().sorted().toList(), a.enabled(), fieldId(a.username())))
			.toList();
		model.addAttribute("accounts", rows);
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("rolesForm", Map.of());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "rolesForm", result);
		return "org/accounts";
	}

	static String fieldId(String username) {
		return "roles-" + username;
	}

	/** An account as the page lists it. */
	record Row(String username, String displayName, String unitCode, String unitName, List<Role> roles, boolean enabled,
			String fieldId) {

		public boolean has(Role role) {
			return this.roles.contains(role);
		}

	}

}
