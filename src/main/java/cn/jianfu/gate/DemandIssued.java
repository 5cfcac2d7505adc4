package cn.jianfu.gate;

import java.time.Instant;

/**
 * A demand was issued under its gate number: from now on it binds its recipients. Carries
 * the demand as it was issued so that listeners (the ledger above all) need not call back
 * into the gate.
 */
public record DemandIssued(long demandId, String gateNumber, DemandSnapshot demand, Instant issuedAt) {
}
