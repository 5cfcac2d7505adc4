package cn.jianfu.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;

/**
 * The per-recipient monthly budget ({@code budget.monthly-hours.township} and
 * {@code .village}, in the issuer's rulebook): a demand that would push any township or
 * village over its budget for the month it falls in (the month of its due date, else the
 * current month) needs justifying, and the finding names each such unit with its hours. A
 * unit exactly at its budget passes.
 */
@Component
class BudgetCheck implements GateCheck {

	static final String CODE = "budget.monthly";

	static final String TOWNSHIP = "budget.monthly-hours.township";

	static final String VILLAGE = "budget.monthly-hours.village";

	private final LedgerEntries entries;

	private final BurdenModel model;

	BudgetCheck(LedgerEntries entries, BurdenModel model) {
		this.entries = entries;
		this.model = model;
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public RuleRef rule() {
		return new RuleRef("辖区规则（Jianfu 默认值）", "基层负担预算");
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		List<Unit> grassroots = context.recipients()
			.stream()
			.filter(u -> u.level() == UnitLevel.TOWNSHIP || u.level() == UnitLevel.VILLAGE)
			.toList();
		if (grassroots.isEmpty()) {
			return Stream.empty();
		}
		LocalDate period = (demand.dueDate() != null) ? demand.dueDate() : context.today();
		Map<String, BigDecimal> booked = this.entries.estimatedHours(grassroots.stream().map(Unit::code).toList(),
				period.getYear(), period.getMonthValue());
		List<String> zh = new ArrayList<>();
		List<String> en = new ArrayList<>();
		RuleRef source = context.rules().source(TOWNSHIP);
		for (Unit unit : grassroots) {
			String key = (unit.level() == UnitLevel.TOWNSHIP) ? TOWNSHIP : VILLAGE;
			BigDecimal budget = context.rules().decimal(key);
			BigDecimal before = booked.getOrDefault(unit.code(), BigDecimal.ZERO);
			BigDecimal added = this.model.estimate(demand, unit, context.rules()).hours();
			BigDecimal after = before.add(added);
			if (after.compareTo(budget) > 0) {
				source = context.rules().source(key);
				zh.add("%s（%s）：已有 %s h + 本事项 %s h = %s h，预算 %s h".formatted(unit.name(), unit.code(),
						DefaultEstimator.plain(before), DefaultEstimator.plain(added), DefaultEstimator.plain(after),
						DefaultEstimator.plain(budget)));
				en.add("%s (%s): %s h booked + %s h for this demand = %s h, budget %s h".formatted(unit.name(),
						unit.code(), DefaultEstimator.plain(before), DefaultEstimator.plain(added),
						DefaultEstimator.plain(after), DefaultEstimator.plain(budget)));
			}
		}
		if (zh.isEmpty()) {
			return Stream.empty();
		}
		String month = "%d-%02d".formatted(period.getYear(), period.getMonthValue());
		return Stream
			.of(new Finding(CODE, Severity.JUSTIFY, "本事项将使 %d 个基层单位超出 %s 月度工时预算，须说明理由".formatted(zh.size(), month),
					"This demand would push %d grassroots units over their monthly hour budget for %s; justify it"
						.formatted(zh.size(), month),
					String.join("；", zh) + "\n" + String.join("; ", en) + "\n" + source, source));
	}

}
