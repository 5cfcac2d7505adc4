package cn.jianfu.ledger;

import java.time.Instant;

/**
 * A recipient unit refused an issued demand, giving its reason; the gatekeeper of the
 * issuer's jurisdiction sees it on the dashboard.
 */
public record DemandRefused(long demandId, String gateNumber, String issuerUnitCode, String recipientUnitCode,
		String reason, String account, Instant refusedAt) {
}
