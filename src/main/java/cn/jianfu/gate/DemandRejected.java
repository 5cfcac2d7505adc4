package cn.jianfu.gate;

/**
 * The gatekeeper rejected a justified demand, with a reason.
 */
public record DemandRejected(long demandId, String gatekeeper, String reason) {
}
