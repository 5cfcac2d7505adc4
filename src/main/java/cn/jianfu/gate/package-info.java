/**
 * The gate module admits every demand: the Demand aggregate and its lifecycle, the
 * rulebook, and the checks that return findings (the {@link cn.jianfu.gate.GateCheck}
 * interface that other modules implement for their kinds).
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.gate;
