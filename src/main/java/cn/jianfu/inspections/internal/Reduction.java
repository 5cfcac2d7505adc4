package cn.jianfu.inspections.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The cut of a jurisdiction's plan against its baseline year (较基准年压减): the preset share
 * from the rulebook (30% for cities, 50% for counties and below, after Gansu), the target
 * count it gives, and where this year's plan stands.
 */
@Component
public class Reduction {

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	private final Rulebook rulebook;

	private final InspectionPlan plan;

	private final AuditLog audit;

	private final Clock clock;

	Reduction(JdbcClient jdbc, OrgChart orgChart, Rulebook rulebook, InspectionPlan plan, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.orgChart = orgChart;
		this.rulebook = rulebook;
		this.plan = plan;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Where the plan stands: {@code target} is the most items the cut allows,
	 * {@code over} how many the plan has beyond it (0 when on track).
	 */
	public record Standing(String jurisdiction, int year, long planned, int baselineYear, int baselineCount,
			int cutPercent, int target, long over) {

		public boolean onTrack() {
			return this.over == 0;
		}

	}

	/** The preset cut for a jurisdiction's level. */
	public static String presetKey(UnitLevel level) {
		return level.number() <= UnitLevel.CITY.number() ? "inspection.reduction.city" : "inspection.reduction.county";
	}

	/** The target: the baseline count cut by the percentage, rounded down. */
	public static int target(int baselineCount, int cutPercent) {
		return (int) Math.floor(baselineCount * (100 - cutPercent) / 100.0);
	}

	public Optional<Standing> standing(Viewer viewer, int year) {
		Unit unit = this.orgChart.require(viewer.scope(), viewer.unitCode());
		return this.jdbc.sql("select baseline_year, item_count from inspection_baseline where jurisdiction = :unit")
			.param("unit", unit.code())
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.optional()
			.map(b -> {
				int cut = this.rulebook.forUnit(unit).integer(presetKey(unit.level()));
				int target = target(b[1], cut);
				long planned = this.plan.count(viewer.scope(), year);
				return new Standing(unit.code(), year, planned, b[0], b[1], cut, target, Math.max(0, planned - target));
			});
	}

	@Transactional
	public void setBaseline(Viewer viewer, int baselineYear, int count) {
		VisitCalendar.requireKeeper(viewer);
		if (baselineYear < 2000 || baselineYear > 2100 || count < 0 || count > 100_000) {
			throw Problem.badRequest("inspections.baseline");
		}
		String unit = viewer.unitCode();
		int updated = this.jdbc
			.sql("update inspection_baseline set baseline_year = :year, item_count = :count, set_by = :by,"
					+ " set_at = :now where jurisdiction = :unit")
			.param("year", baselineYear)
			.param("count", count)
			.param("by", viewer.username())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("unit", unit)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("insert into inspection_baseline (jurisdiction, baseline_year, item_count, set_by, set_at)"
						+ " values (:unit, :year, :count, :by, :now)")
				.param("year", baselineYear)
				.param("count", count)
				.param("by", viewer.username())
				.param("now", Timestamp.from(this.clock.instant()))
				.param("unit", unit)
				.update();
		}
		this.audit.record(new AuditEvent(viewer.username(), "inspections.baseline-set", AuditResult.SUCCESS,
				"unit:" + unit, baselineYear + ": " + count));
	}

}
