package cn.jianfu.gate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.jianfu.org.Unit;
import cn.jianfu.platform.WorkingCalendar;

/**
 * What a check may know besides the demand: today's date, the rulebook values in force
 * for the issuer's unit, the working-day calendar, the resolved recipients, the parent
 * demand, and the issuer's history. Built once per submission, so that every check sees
 * the same snapshot.
 */
public record GateContext(LocalDate today, RuleValues rules, WorkingCalendar calendar, List<Unit> recipients,
		Optional<DemandSnapshot> parent, History history) {

	public GateContext {
		recipients = List.copyOf(recipients);
	}

	/**
	 * Questions about demands issued before.
	 */
	public interface History {

		/**
		 * How many demands of these kinds the issuer (unit, and department if given)
		 * issued in the year, notes included.
		 */
		long issued(String issuerUnitCode, @Nullable Long issuerDepartmentId, Set<DemandKind> kinds, int year);

	}

}
