package cn.jianfu.gate;

/**
 * A demand was returned to its issuer because a check blocked it.
 */
public record DemandReturned(long demandId) {
}
