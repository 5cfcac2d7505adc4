package cn.jianfu.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.jianfu.org.internal.Departments;
import cn.jianfu.org.internal.Units;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * Reads the organisation as a viewer may see it: every method takes the viewer's
 * {@link Scope}, and a unit outside it does not exist for that viewer (not found, never
 * forbidden, so that codes outside scope cannot be probed).
 */
@Component
public class OrgChart {

	private final Units units;

	private final Departments departments;

	OrgChart(Units units, Departments departments) {
		this.units = units;
		this.departments = departments;
	}

	public Optional<Unit> unit(Scope scope, String code) {
		return this.units.find(scope, code);
	}

	/**
	 * The unit, or a not-found problem when it does not exist or lies outside the scope.
	 */
	public Unit require(Scope scope, String code) {
		return unit(scope, code).orElseThrow(() -> Problem.notFound("unit", code));
	}

	public Page<Unit> children(Scope scope, String code, Page.Request request) {
		require(scope, code);
		return new Page<>(this.units.children(scope, code, request.offset(), request.size()), request.page(),
				request.size(), this.units.countChildren(scope, code));
	}

	public Page<Unit> search(Scope scope, @Nullable UnitLevel level, String nameContains, Page.Request request) {
		Integer number = level == null ? null : level.number();
		return new Page<>(this.units.search(scope, number, nameContains, request.offset(), request.size()),
				request.page(), request.size(), this.units.count(scope, number, nameContains));
	}

	public Map<UnitLevel, Long> countByLevel(Scope scope) {
		return this.units.countByLevel(scope);
	}

	public List<Department> departments(Scope scope, String unitCode) {
		require(scope, unitCode);
		return this.departments.ofUnit(scope, unitCode);
	}

	/**
	 * The unit and its ancestors down from the scope's root, for breadcrumbs.
	 */
	public List<Unit> trail(Scope scope, String code) {
		Unit unit = require(scope, code);
		List<Unit> trail = new ArrayList<>();
		for (String part : unit.path().split("/")) {
			if (!part.isEmpty()) {
				this.units.find(scope, part).ifPresent(trail::add);
			}
		}
		return trail;
	}

}
