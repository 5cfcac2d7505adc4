package cn.jianfu.gate;

/**
 * The gatekeeper approved a justified demand.
 */
public record DemandApproved(long demandId, String gatekeeper) {
}
