package cn.jianfu.apps.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.apps.internal.AppFeature;
import cn.jianfu.apps.internal.AppForm;
import cn.jianfu.apps.internal.AppRegistry;
import cn.jianfu.apps.internal.AppsDashboard;
import cn.jianfu.org.Viewer;

/**
 * The registry of apps and work groups, registration through the gate, and apps per
 * person, as JSON.
 */
@RestController
@RequestMapping("/api/v1/apps")
@Tag(name = "apps", description = "政务应用与工作群登记 / Apps and work groups registry")
class AppsApi {

	private final AppRegistry registry;

	private final AppsDashboard dashboard;

	AppsApi(AppRegistry registry, AppsDashboard dashboard) {
		this.registry = registry;
		this.dashboard = dashboard;
	}

	record RegistrationRequest(@Nullable String name, @Nullable AppForm form, @Nullable String registrationNumber,
			@Nullable Set<AppFeature> features, @Nullable Set<String> functions, @Nullable Integer usersPerUnit,
			@Nullable Integer minutesPerDay, @Nullable String complaintUrl, @Nullable List<String> targets,
			@Nullable LocalDate launchOn, @Nullable String description) {

		AppRegistry.Registration registration() {
			return new AppRegistry.Registration(this.name == null ? "" : this.name,
					this.form == null ? AppForm.APP : this.form, this.registrationNumber,
					this.features == null ? Set.of() : this.features,
					this.functions == null ? Set.of()
							: cn.jianfu.apps.internal.AppDetails.functions(String.join(",", this.functions)),
					this.usersPerUnit == null ? 1 : this.usersPerUnit,
					this.minutesPerDay == null ? 0 : this.minutesPerDay, this.complaintUrl,
					this.targets == null ? List.of() : this.targets, this.launchOn, this.description);
		}

	}

	record Created(long id, String href) {
	}

	@GetMapping
	@Operation(summary = "辖区登记的应用，及本单位须使用的应用 / Apps sponsored in scope, and those its units must use")
	List<AppRegistry.App> list(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.registry.list(signed.viewer().scope());
	}

	@PostMapping
	@Operation(summary = "登记应用：生成 APP 事项的准入草稿（主办单位取自登录账号）/ Register an app: the gate draft of an APP demand")
	ResponseEntity<Created> register(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestBody RegistrationRequest request) {
		long id = this.registry.register(signed.viewer(), request.registration());
		return ResponseEntity.created(URI.create("/api/v1/demands/" + id)).body(new Created(id, "/demands/" + id));
	}

	@GetMapping("/dashboard")
	@Operation(summary = "每人应用数 / Apps per person for the units in scope")
	AppsDashboard.Summary dashboard(@AuthenticationPrincipal Viewer.Signed signed) {
		return this.dashboard.summary(signed.viewer());
	}

}
