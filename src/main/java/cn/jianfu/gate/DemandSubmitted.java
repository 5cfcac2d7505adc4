package cn.jianfu.gate;

/**
 * A demand was submitted to the gate and its checks returned this verdict.
 */
public record DemandSubmitted(long demandId, Severity verdict) {
}
