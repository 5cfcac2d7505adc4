/**
 * The gate checks of meeting demands: plan, caps on comprehensive meetings and on length,
 * video share and no-meeting days, relaying (层层开会), deputy-convened meetings that call
 * principals, and mandated recurring meetings.
 */
@org.jspecify.annotations.NullMarked
package cn.jianfu.meetings.checks;
