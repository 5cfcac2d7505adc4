/**
 * The ledger module turns every issued demand into person-hours per receiving unit, keeps
 * what the grassroots report against it (hours, done, refused, demands that bypassed the
 * gate) and serves the burden dashboards.
 * <p>
 * Kind modules contribute a {@link cn.jianfu.ledger.BurdenEstimator} for their kind; the
 * ledger listens to {@link cn.jianfu.gate.DemandIssued} and never is called by the gate.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.ledger;
