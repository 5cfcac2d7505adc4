/**
 * The meetings module checks meeting demands against the plan and the caps and keeps each
 * township's meeting calendar.
 * <p>
 * Not built yet: this package is the module's home, laid out by the foundation so that
 * the boundaries are known.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.meetings;
