/**
 * The feedback module is the anonymous channel for grassroots staff and the
 * accountability docket.
 * <p>
 * Not built yet: this package is the module's home, laid out by the foundation so that
 * the boundaries are known.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.feedback;
