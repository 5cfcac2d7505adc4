package cn.jianfu.org.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * What an administrator may do to accounts in their scope: list them and change their
 * roles, audited.
 */
@Component
public class AccountAdministration {

	private final Accounts accounts;

	private final AuditLog audit;

	AccountAdministration(Accounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	public List<Accounts.Account> list(Viewer admin) {
		return this.accounts.inScope(admin.scope());
	}

	/**
	 * Replaces the roles of an account in the administrator's scope; an account outside
	 * it is not found, and an administrator cannot take the admin role from themselves.
	 */
	@Transactional
	public Set<Role> changeRoles(Viewer admin, String username, Set<Role> roles) {
		Accounts.Account account = this.accounts.findForSignIn(username)
			.filter(a -> admin.scope().includes(a.unitPath()))
			.orElseThrow(() -> Problem.notFound("account", username));
		if (roles.isEmpty()) {
			throw Problem.badRequest("account.no-roles");
		}
		if (account.id() == admin.accountId() && !roles.contains(Role.ADMIN)) {
			throw Problem.conflict("account.self-demotion");
		}
		Set<Role> before = account.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(account.roles());
		this.accounts.replaceRoles(account.id(), roles);
		this.audit.record(new AuditEvent(admin.username(), AuditTypes.ACCOUNT_ROLES_CHANGED, AuditResult.SUCCESS,
				"account:" + username, before + " -> " + EnumSet.copyOf(roles)));
		return EnumSet.copyOf(roles);
	}

}
