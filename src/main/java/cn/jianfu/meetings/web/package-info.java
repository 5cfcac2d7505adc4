/**
 * Meetings: pages under /meetings and the REST API under /api/v1/meetings.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.meetings.web;
