/**
 * The org module knows the organisation: units with their statistical division codes,
 * departments, accounts and roles, and it is the one place that answers whether an
 * account may see a unit (its {@link cn.jianfu.org.Scope}).
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package cn.jianfu.org;
