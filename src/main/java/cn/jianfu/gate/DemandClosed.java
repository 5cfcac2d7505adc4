package cn.jianfu.gate;

/**
 * The issuer closed an issued demand: its recipients owe nothing more on it.
 */
public record DemandClosed(long demandId) {
}
