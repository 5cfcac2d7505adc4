/**
 * Lists, gate checks, refusals, the power register, service cases and the official
 * calendar with its imported years.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.duties.internal;
