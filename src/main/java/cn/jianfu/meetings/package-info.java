/**
 * The meetings module: meeting demands with their agenda, times and required attendance,
 * placed at the gate through {@link cn.jianfu.gate.DemandIntake}; the annual meeting plan
 * of each jurisdiction (计划管理); the gate checks of meetings; the meeting burden estimator;
 * and each township's and village's meeting calendar with iCalendar export and attendance
 * (who attended, never photos).
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.meetings;
