package cn.jianfu.audit;

import org.springframework.stereotype.Component;

/** Placeholder until the audit branch lands. */
@Component
public class AuditLog {

	public void record(AuditEvent event) {
	}

}
