/**
 * The plan, the inspection demands, the checks, the burden estimate, the calendar, the
 * scheduler and the reduction against a baseline.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.inspections.internal;
