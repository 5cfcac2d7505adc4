/**
 * The gate module admits every demand: the Demand aggregate and its lifecycle, the
 * rulebook and the checks that return findings.
 * <p>
 * Not built yet: this package is the module's home, laid out by the foundation so that
 * the boundaries are known.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.gate;
