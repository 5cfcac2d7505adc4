package cn.jianfu.audit;

public record AuditEvent(String account, String type, AuditResult result, String object, String detail) {
}
