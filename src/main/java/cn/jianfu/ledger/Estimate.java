package cn.jianfu.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Person-hours one demand costs one recipient, with the calculation spelled out ("3.5 h =
 * 12 项 × 6 分钟 × 3 人 − 8 项预填") in Chinese and English; hours are rounded to two decimals
 * and never negative.
 */
public record Estimate(BigDecimal hours, String explanationZh, String explanationEn) {

	public Estimate {
		if (hours.signum() < 0) {
			hours = BigDecimal.ZERO;
		}
		hours = hours.setScale(2, RoundingMode.HALF_UP);
	}

}
