package cn.jianfu.documents;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A grassroots report of a demand without a gate number matched no issued document: the
 * named issuer likely placed a demand that bypassed the gate (for the accountability
 * docket and the dashboards).
 *
 * @param reportId the ledger's report id ({@code UngatedDemandReported.reportId})
 * @param issuer the issuer as the reporting unit named it
 * @param bestContainment the highest share of the report found in any issued document (0
 * when nothing came close)
 */
public record UngatedDemandSuspected(long reportId, String unitCode, String issuer, String channel,
		@Nullable LocalDate receivedOn, String excerpt, double bestContainment, Instant flaggedAt) {
}
