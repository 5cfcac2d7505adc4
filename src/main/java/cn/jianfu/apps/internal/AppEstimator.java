package cn.jianfu.apps.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.ledger.BurdenEstimator;
import cn.jianfu.ledger.Estimate;
import cn.jianfu.org.Unit;

/**
 * The burden of an app on each unit that must use it: minutes a day × users in the unit ×
 * the working days the ledger counts (a month, from the rulebook).
 */
@Component
class AppEstimator implements BurdenEstimator {

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	@Override
	public boolean supports(DemandKind kind) {
		return kind == DemandKind.APP;
	}

	@Override
	public Estimate estimate(DemandSnapshot demand, Unit recipient, RuleValues rules) {
		AppDetails app = AppDetails.of(demand);
		BigDecimal minutes = app.minutesPerDay() >= 0 ? BigDecimal.valueOf(app.minutesPerDay())
				: rules.decimal("burden.app.minutes-per-day");
		BigDecimal users = BigDecimal.valueOf(app.usersPerUnit());
		BigDecimal days = rules.decimal("burden.app.working-days");
		BigDecimal hours = minutes.multiply(users).multiply(days).divide(SIXTY, MathContext.DECIMAL64);
		return new Estimate(hours,
				"%s h = %s 分钟/天 × %s 人 × %s 个工作日".formatted(plain(hours), plain(minutes), plain(users), plain(days)),
				"%s h = %s min a day × %s users × %s working days".formatted(plain(hours), plain(minutes), plain(users),
						plain(days)));
	}

	static String plain(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
