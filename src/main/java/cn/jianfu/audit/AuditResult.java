package cn.jianfu.audit;

public enum AuditResult {

	SUCCESS, FAILURE, DENIED

}
