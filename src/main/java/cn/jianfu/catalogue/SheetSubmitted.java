package cn.jianfu.catalogue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A unit submitted its sheet of a data request for the first time (published once per
 * sheet), and confirmed {@code fields} values that Jianfu had filled in for it (held by
 * the catalogue, its last period's value, its lower units' sum; 0 when none);
 * {@code hours} is the time that saved against entering them, by the ledger's own rules
 * ({@code burden.data-request.minutes-per-field} minus
 * {@code burden.data-request.minutes-per-prefilled-field}, times
 * {@code burden.data-request.staff}).
 */
public record SheetSubmitted(long demandId, String unitCode, int fields, BigDecimal hours, Instant at) {
}
