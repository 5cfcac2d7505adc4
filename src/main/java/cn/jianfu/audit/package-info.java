/**
 * The audit module keeps the tamper-evident security audit log: an append-only table
 * whose rows are linked by an SM3 hash chain that can be verified at any time.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.audit;
