package cn.jianfu.gate;

/**
 * The issuer withdrew a demand.
 */
public record DemandWithdrawn(long demandId) {
}
