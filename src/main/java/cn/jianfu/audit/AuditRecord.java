package cn.jianfu.audit;

import java.time.Instant;

/**
 * One stored row of the audit log as read back, with its place in the hash chain; the
 * result is the stored text, so that a row tampered into an unknown result can still be
 * shown.
 */
public record AuditRecord(long seq, Instant occurredAt, String account, String type, String result, String object,
		String detail, String prevHash, String hash) {

}
