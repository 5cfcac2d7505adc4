/**
 * Pages under {@code /duties} and the API under {@code /api/v1/duties} and
 * {@code /api/v1/calendar}.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.duties.web;
