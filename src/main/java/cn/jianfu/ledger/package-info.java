/**
 * The ledger module turns every issued demand into person-hours per receiving unit and
 * serves the burden dashboards.
 * <p>
 * Not built yet: this package is the module's home, laid out by the foundation so that
 * the boundaries are known.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.ledger;
