package cn.jianfu.audit;

/**
 * How an audited action ended: done, failed, or refused for lack of permission.
 */
public enum AuditResult {

	SUCCESS, FAILURE, DENIED

}
