package cn.jianfu.gate;

/**
 * The issuer answered every finding that needed a justification; the gatekeeper may now
 * decide.
 */
public record DemandJustified(long demandId) {
}
