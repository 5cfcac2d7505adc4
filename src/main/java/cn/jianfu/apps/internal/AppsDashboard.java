package cn.jianfu.apps.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.RuleValues;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;

/**
 * Apps per person (每人应用数) for each unit in scope that must use issued apps: the apps,
 * their users and minutes a day, and the users summed over apps divided by the unit's
 * staff (from the rulebook), i.e. how many apps each staff member carries on average.
 */
@Component
public class AppsDashboard {

	private final AppRegistry registry;

	private final OrgChart orgChart;

	private final Rulebook rulebook;

	AppsDashboard(AppRegistry registry, OrgChart orgChart, Rulebook rulebook) {
		this.registry = registry;
		this.orgChart = orgChart;
		this.rulebook = rulebook;
	}

	public record UnitRow(String code, String name, int apps, int users, int minutesPerDay, int staff,
			BigDecimal appsPerPerson) {
	}

	public record Summary(List<UnitRow> units, int issuedApps, BigDecimal averageAppsPerPerson) {
	}

	public Summary summary(Viewer viewer) {
		List<AppRegistry.App> apps = this.registry.list(viewer.scope())
			.stream()
			.filter(a -> "ISSUED".equals(a.status()))
			.toList();
		RuleValues rules = this.rulebook.forUnit(this.orgChart.require(viewer.scope(), viewer.unitCode()));
		Map<String, int[]> byUnit = new TreeMap<>();
		for (AppRegistry.App app : apps) {
			for (String target : app.targets()) {
				if (this.orgChart.unit(viewer.scope(), target).isEmpty()) {
					continue;
				}
				int[] sums = byUnit.computeIfAbsent(target, t -> new int[3]);
				sums[0]++;
				sums[1] += app.usersPerUnit();
				sums[2] += app.minutesPerDay() * app.usersPerUnit();
			}
		}
		List<UnitRow> rows = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (var e : byUnit.entrySet()) {
			Unit unit = this.orgChart.require(viewer.scope(), e.getKey());
			int staff = staff(unit.level(), rules);
			BigDecimal perPerson = BigDecimal.valueOf(e.getValue()[1])
				.divide(BigDecimal.valueOf(staff), 2, RoundingMode.HALF_UP);
			rows.add(new UnitRow(unit.code(), unit.name(), e.getValue()[0], e.getValue()[1], e.getValue()[2], staff,
					perPerson));
			total = total.add(perPerson);
		}
		BigDecimal average = rows.isEmpty() ? BigDecimal.ZERO
				: total.divide(BigDecimal.valueOf(rows.size()), 2, RoundingMode.HALF_UP);
		return new Summary(rows, apps.size(), average);
	}

	static int staff(UnitLevel level, RuleValues rules) {
		return level == UnitLevel.VILLAGE ? rules.integer("apps.staff.village") : rules.integer("apps.staff.township");
	}

}
