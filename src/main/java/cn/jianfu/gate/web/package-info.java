/**
 * The gate's pages and its {@code /api/v1/demands} and {@code /api/v1/gate} REST API.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.gate.web;
