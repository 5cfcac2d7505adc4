package cn.jianfu.org.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;

/**
 * Writes sign-ins, failed sign-ins, locks and sign-outs to the audit log and feeds the
 * {@link LoginThrottle}.
 * <p>
 * A page sign-in is audited when it succeeds; an API request authenticates on every call,
 * so only its failures are.
 */
@Component
class SignInAudit {

	private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

	private static final int MAX_NAME = 64;

	private final AuditLog audit;

	private final LoginThrottle throttle;

	SignInAudit(AuditLog audit, LoginThrottle throttle) {
		this.audit = audit;
		this.throttle = throttle;
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		String name = event.getAuthentication().getName();
		this.throttle.succeeded(name);
		this.audit.record(new AuditEvent(name, AuditTypes.LOGIN_SUCCESS, AuditResult.SUCCESS, "account:" + name, ""));
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		String name = clip(event.getAuthentication().getName());
		boolean nowLocked = this.throttle.failed(name);
		log.warn("Sign-in failed for user {}{}", name, nowLocked ? "; locked for now" : "");
		this.audit.record(new AuditEvent(name, AuditTypes.LOGIN_FAILURE, AuditResult.FAILURE, "account:" + name,
				"bad credentials"));
		if (nowLocked) {
			this.audit.record(
					new AuditEvent(name, AuditTypes.LOGIN_LOCKED, AuditResult.FAILURE, "account:" + name, "throttled"));
		}
	}

	@EventListener
	void on(AuthenticationFailureLockedEvent event) {
		String name = clip(event.getAuthentication().getName());
		this.audit
			.record(new AuditEvent(name, AuditTypes.LOGIN_FAILURE, AuditResult.FAILURE, "account:" + name, "locked"));
	}

	@EventListener
	void on(LogoutSuccessEvent event) {
		String name = event.getAuthentication().getName();
		this.audit.record(new AuditEvent(name, AuditTypes.LOGOUT, AuditResult.SUCCESS, "account:" + name, ""));
	}

	private static String clip(String name) {
		return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
	}

}
