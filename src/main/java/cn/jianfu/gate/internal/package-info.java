/**
 * The gate's inside: the Demand aggregate and its lifecycle, its repository, the
 * gatekeeper that runs the checks, and gate numbers.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.gate.internal;
