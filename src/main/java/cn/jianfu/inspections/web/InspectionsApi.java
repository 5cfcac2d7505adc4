package cn.jianfu.inspections.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.inspections.internal.InspectionDemands;
import cn.jianfu.inspections.internal.InspectionPlan;
import cn.jianfu.inspections.internal.InspectionType;
import cn.jianfu.inspections.internal.Material;
import cn.jianfu.inspections.internal.PlanItem;
import cn.jianfu.inspections.internal.Reduction;
import cn.jianfu.inspections.internal.Scheduler;
import cn.jianfu.inspections.internal.VisitCalendar;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The annual inspection plan, inspection demands, the visit calendar, the scheduler's
 * proposal and the reduction against a baseline, as JSON.
 */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "inspections", description = "督检考计划与检查日历 / Inspection plan and visit calendar")
class InspectionsApi {

	private final InspectionPlan plan;

	private final InspectionDemands demands;

	private final VisitCalendar calendar;

	private final Reduction reduction;

	InspectionsApi(InspectionPlan plan, InspectionDemands demands, VisitCalendar calendar, Reduction reduction) {
		this.plan = plan;
		this.demands = demands;
		this.calendar = calendar;
		this.reduction = reduction;
	}

	record ItemRequest(@Nullable Integer year, @Nullable String title, @Nullable InspectionType type,
			@Nullable Boolean comprehensive, @Nullable Set<String> fields, @Nullable Set<Integer> months,
			@Nullable Boolean onSite, @Nullable Set<Material> materials, @Nullable List<String> targets) {

		InspectionPlan.NewItem item() {
			if (this.type == null) {
				throw Problem.badRequest("inspections.type");
			}
			return new InspectionPlan.NewItem(this.year == null ? LocalDate.now().getYear() : this.year,
					this.title == null ? "" : this.title, this.type, Boolean.TRUE.equals(this.comprehensive),
					this.fields == null ? Set.of() : this.fields, this.months == null ? Set.of() : this.months,
					Boolean.TRUE.equals(this.onSite), this.materials == null ? Set.of() : this.materials,
					this.targets == null ? List.of() : this.targets);
		}

	}

	record DemandRequest(@Nullable Long planItem, @Nullable Integer year, @Nullable String title, @Nullable String body,
			@Nullable InspectionType type, @Nullable Boolean comprehensive, @Nullable Set<String> fields,
			@Nullable Set<Integer> months, @Nullable Boolean onSite, @Nullable Set<Material> materials,
			@Nullable List<String> targets, @Nullable LocalDate visitOn, @Nullable String legalBasis,
			@Nullable Integer staff) {

		InspectionDemands.Request request() {
			return new InspectionDemands.Request(this.planItem,
					this.year != null ? this.year
							: this.visitOn != null ? this.visitOn.getYear() : LocalDate.now().getYear(),
					this.title, this.body, this.type, Boolean.TRUE.equals(this.comprehensive),
					this.fields == null ? Set.of() : this.fields, this.months == null ? Set.of() : this.months,
					Boolean.TRUE.equals(this.onSite), this.materials == null ? Set.of() : this.materials,
					this.targets == null ? List.of() : this.targets, this.visitOn, this.legalBasis, this.staff);
		}

	}

	record Created(long id, String href) {
	}

	record MergeView(long first, long second) {
	}

	record PlanView(int year, List<PlanItem> items, List<MergeView> merges, Optional<Reduction.Standing> reduction) {
	}

	@GetMapping("/items")
	@Operation(summary = "辖区年度督检考计划事项与合并建议 / The year's plan items in scope, with merge proposals")
	PlanView items(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer year) {
		Viewer viewer = signed.viewer();
		int y = year == null ? LocalDate.now().getYear() : year;
		List<PlanItem> items = this.plan.items(viewer.scope(), y);
		List<MergeView> merges = this.calendar.merges(viewer, items)
			.stream()
			.map(p -> new MergeView(p.first().id(), p.second().id()))
			.toList();
		return new PlanView(y, items, merges, this.reduction.standing(viewer, y));
	}

	@PostMapping("/items")
	@Operation(summary = "新增计划事项（发起单位取自登录账号）/ Add a plan item (the issuer is the signed-in account)")
	ResponseEntity<PlanItem> add(@AuthenticationPrincipal Viewer.Signed signed, @RequestBody ItemRequest request) {
		PlanItem item = this.plan.add(signed.viewer(), request.item());
		return ResponseEntity.created(URI.create("/api/v1/inspections/items?year=" + item.year())).body(item);
	}

	@PostMapping("/demands")
	@Operation(summary = "生成督检考事项的准入草稿 / Create the gate draft of an inspection")
	ResponseEntity<Created> demand(@AuthenticationPrincipal Viewer.Signed signed, @RequestBody DemandRequest request) {
		long id = this.demands.place(signed.viewer(), request.request());
		return ResponseEntity.created(URI.create("/api/v1/demands/" + id)).body(new Created(id, "/demands/" + id));
	}

	@GetMapping("/calendar")
	@Operation(summary = "乡镇检查日历：每月次数、超限与扎堆 / Township calendar: visits a month, over cap, clusters")
	Map<String, Object> calendar(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer year) {
		Viewer viewer = signed.viewer();
		int y = year == null ? LocalDate.now().getYear() : year;
		return Map.of("year", y, "caps", this.calendar.caps(viewer), "townships", this.calendar.rows(viewer, y));
	}

	@GetMapping("/schedule")
	@Operation(summary = "排期建议（减负办）/ The scheduler's proposal (gatekeepers)")
	Scheduler.Proposal schedule(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer year) {
		Viewer viewer = signed.viewer();
		InspectionPages.requireKeeper(viewer);
		return this.calendar.propose(viewer, year == null ? LocalDate.now().getYear() : year);
	}

	@PostMapping("/schedule/accept")
	@Operation(summary = "接受排期建议（减负办）/ Accept the proposal as the settled calendar (gatekeepers)")
	Map<String, Object> accept(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer year) {
		int y = year == null ? LocalDate.now().getYear() : year;
		return Map.of("year", y, "visits", this.calendar.accept(signed.viewer(), y));
	}

	@PostMapping("/schedule/change")
	@Operation(summary = "改期（减负办；须为工作日且不超过月度上限）/ Move a visit (gatekeepers; a working day within the cap)")
	Map<String, Object> change(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam long visit,
			@RequestParam LocalDate on) {
		this.calendar.change(signed.viewer(), visit, on);
		return Map.of("visit", visit, "on", on.toString());
	}

	@PostMapping("/baseline")
	@Operation(summary = "设定基准年（减负办）/ Set the baseline year (gatekeepers)")
	Optional<Reduction.Standing> baseline(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam int baselineYear,
			@RequestParam int count, @RequestParam(required = false) @Nullable Integer year) {
		this.reduction.setBaseline(signed.viewer(), baselineYear, count);
		return this.reduction.standing(signed.viewer(), year == null ? LocalDate.now().getYear() : year);
	}

}
