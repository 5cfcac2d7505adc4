package cn.jianfu.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recipient unit logged hours actually spent on an issued demand: {@code hours} this
 * time, {@code totalHours} the entry's total since.
 */
public record WorkHoursLogged(long demandId, String recipientUnitCode, BigDecimal hours, BigDecimal totalHours,
		String account, Instant loggedAt) {
}
