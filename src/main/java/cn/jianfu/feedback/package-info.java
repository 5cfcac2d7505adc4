/**
 * The feedback module is the anonymous channel for grassroots staff and the
 * accountability docket: reports sent without signing in and followed with a receipt
 * code, their triage by supervisors, cases with their procedural steps and the bulletin
 * of typical cases, and published statistics with small cells suppressed.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.feedback;
