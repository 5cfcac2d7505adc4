/**
 * Pages and the REST API of the app registry and the apps-per-person dashboard.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.apps.web;
