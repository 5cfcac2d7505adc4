package cn.jianfu.duties.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;

/**
 * How long decisions take before and after a delegation: per county and case type, the
 * working days from application to decision (median and 90th percentile, nearest rank) of
 * cases opened before the delegation date and of those opened on or after it; and the
 * step hours each level carried in each period, which move with the delegated step.
 */
@Component
public class CaseStatistics {

	private final JdbcClient jdbc;

	private final OfficialCalendar calendar;

	private final PowerRegister register;

	CaseStatistics(JdbcClient jdbc, OfficialCalendar calendar, PowerRegister register) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.register = register;
	}

	/**
	 * One row per county and case type with decided cases in the viewer's scope; the
	 * split is the latest delegation of that power in that county, or {@code splitOn} if
	 * given.
	 */
	public List<Row> decisionTimes(Viewer viewer, @Nullable LocalDate splitOn) {
		record Decided(String county, String countyName, String power, String powerName, LocalDate opened,
				LocalDate decided) {
		}
		List<Decided> cases = this.jdbc
			.sql("select c.county_code, cu.name county_name, c.power_code, p.name_zh, c.opened_on, c.decided_on"
					+ " from service_case c join unit h on h.code = c.home_unit_code join unit cu on cu.code ="
					+ " c.county_code join power p on p.code = c.power_code where c.decided_on is not null"
					+ " and h.path like :scope order by c.county_code, c.power_code, c.opened_on")
			.param("scope", viewer.scope().pathPattern())
			.query((rs, i) -> new Decided(rs.getString("county_code"), rs.getString("county_name"),
					rs.getString("power_code"), rs.getString("name_zh"), rs.getDate("opened_on").toLocalDate(),
					rs.getDate("decided_on").toLocalDate()))
			.list();
		Map<String, List<Decided>> groups = new TreeMap<>();
		for (Decided d : cases) {
			groups.computeIfAbsent(d.county() + "|" + d.power(), k -> new ArrayList<>()).add(d);
		}
		List<Row> rows = new ArrayList<>();
		for (List<Decided> group : groups.values()) {
			Decided first = group.get(0);
			LocalDate split = splitOn;
			if (split == null) {
				List<LocalDate> delegations = this.register.delegations(first.power(), first.county());
				split = delegations.isEmpty() ? null : delegations.get(delegations.size() - 1);
			}
			List<Integer> before = new ArrayList<>();
			List<Integer> after = new ArrayList<>();
			for (Decided d : group) {
				int days = this.calendar.workingDaysBetween(d.opened(), d.decided());
				(split != null && !d.opened().isBefore(split) ? after : before).add(days);
			}
			rows.add(new Row(first.county(), first.countyName(), first.power(), first.powerName(), split,
					Period.of(before), Period.of(after), workload(first.county(), first.power(), split, false),
					workload(first.county(), first.power(), split, true)));
		}
		return rows;
	}

	/** Step hours by level of the cases opened before (or from) the split. */
	private Map<String, BigDecimal> workload(String county, String power, @Nullable LocalDate split, boolean after) {
		Map<String, BigDecimal> hours = new TreeMap<>();
		if (after && split == null) {
			return hours;
		}
		String period = (split == null) ? "" : after ? " and c.opened_on >= :split" : " and c.opened_on < :split";
		var spec = this.jdbc
			.sql("select s.level, sum(s.hours) hours from case_step s join service_case c on c.id = s.case_id"
					+ " where c.county_code = :county and c.power_code = :power" + period
					+ " group by s.level order by s.level")
			.param("county", county)
			.param("power", power);
		if (split != null) {
			spec = spec.param("split", Date.valueOf(split));
		}
		spec.query((rs, i) -> hours.put(UnitLevel.of(rs.getInt("level")).name(), rs.getBigDecimal("hours"))).list();
		return hours;
	}

	/**
	 * The working days to decision of a period's cases: how many, the median and the 90th
	 * percentile (nearest rank); null figures when there are none.
	 */
	public record Period(int cases, @Nullable Integer median, @Nullable Integer p90) {

		static Period of(List<Integer> days) {
			if (days.isEmpty()) {
				return new Period(0, null, null);
			}
			List<Integer> sorted = days.stream().sorted().toList();
			return new Period(sorted.size(), rank(sorted, 50), rank(sorted, 90));
		}

		static int rank(List<Integer> sorted, int percent) {
			int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
			return sorted.get(Math.max(rank, 1) - 1);
		}

	}

	/**
	 * One county and case type: the delegation date the periods split at, the two
	 * periods, and the step hours each level carried in each.
	 */
	public record Row(String countyCode, String countyName, String powerCode, String powerName,
			@Nullable LocalDate delegatedOn, Period before, Period after, Map<String, BigDecimal> hoursBefore,
			Map<String, BigDecimal> hoursAfter) {
	}

}
