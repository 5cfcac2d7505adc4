package cn.jianfu.gate;

import java.time.LocalDate;

/**
 * An issued demand passed its sunset ({@code expiresOn}) and expired on
 * {@code expiredOn}: its recipients owe nothing more on it.
 */
public record DemandExpired(long demandId, String gateNumber, LocalDate expiredOn) {
}
