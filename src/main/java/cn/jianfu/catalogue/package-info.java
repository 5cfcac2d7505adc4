/**
 * The catalogue module keeps every figure once, keyed by indicator, unit and period, so
 * that no form asks for data already held.
 * <p>
 * Not built yet: this package is the module's home, laid out by the foundation so that
 * the boundaries are known.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.catalogue;
