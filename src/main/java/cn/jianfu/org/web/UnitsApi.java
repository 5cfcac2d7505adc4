package cn.jianfu.org.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.org.Department;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;

/**
 * Units and departments within the caller's scope; anything outside it answers 404.
 */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "units", description = "单位与部门（仅限管辖范围）/ Units and departments in scope")
class UnitsApi {

	private final OrgChart orgChart;

	UnitsApi(OrgChart orgChart) {
		this.orgChart = orgChart;
	}

	@GetMapping
	@Operation(summary = "查找管辖范围内的单位 / Search units in scope")
	Page<UnitView> search(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer level, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		UnitLevel unitLevel = level == null ? null : UnitLevel.of(level);
		return this.orgChart.search(signed.viewer().scope(), unitLevel, q, new Page.Request(page, size))
			.map(UnitView::of);
	}

	@GetMapping("/{code}")
	@Operation(summary = "一个单位 / One unit")
	UnitView unit(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code) {
		return UnitView.of(this.orgChart.require(signed.viewer().scope(), code));
	}

	@GetMapping("/{code}/children")
	@Operation(summary = "下级单位 / Child units")
	Page<UnitView> children(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.orgChart.children(signed.viewer().scope(), code, new Page.Request(page, size)).map(UnitView::of);
	}

	@GetMapping("/{code}/departments")
	@Operation(summary = "单位内设部门 / Departments of a unit")
	List<Department> departments(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code) {
		return this.orgChart.departments(signed.viewer().scope(), code);
	}

}
