/**
 * Pages and the REST API of the inspection plan, the inspection demand form, the visit
 * calendar and the scheduler.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.inspections.web;
