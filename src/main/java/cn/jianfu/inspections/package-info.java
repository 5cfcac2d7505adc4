/**
 * The inspections module holds the annual inspection plan (督检考计划), places inspection
 * demands at the gate with the checks that keep them to the plan, and keeps the visit
 * calendar with its monthly caps and the scheduler that proposes it.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.inspections;
