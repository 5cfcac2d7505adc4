/**
 * The registry, its checks, the burden estimate and the apps-per-person dashboard.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.apps.internal;
