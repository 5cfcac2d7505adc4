/**
 * The duties module keeps duty lists, admission lists and delegated powers, with
 * deadlines in working days.
 * <p>
 * Not built yet: this package is the module's home, laid out by the foundation so that
 * the boundaries are known.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.duties;
