/**
 * The gate's own checks, each an independent {@link cn.jianfu.gate.GateCheck} with a
 * stable code that cites its rule and takes every number from the rulebook.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.gate.checks;
