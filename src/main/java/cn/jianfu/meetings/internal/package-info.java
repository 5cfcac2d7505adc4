/**
 * Meetings: records, plan, desk, calendar and burden estimator.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.meetings.internal;
