package cn.jianfu.audit;

public final class AuditTypes {

	public static final String LOGIN_SUCCESS = "login.success";

	public static final String LOGIN_FAILURE = "login.failure";

	public static final String LOGIN_LOCKED = "login.locked";

	public static final String LOGOUT = "logout";

	public static final String ACCESS_DENIED = "access.denied";

	public static final String ACCOUNT_ROLES_CHANGED = "account.roles-changed";

	public static final String TOKEN_CREATED = "token.created";

	public static final String TOKEN_REVOKED = "token.revoked";

	public static final String UNITS_IMPORTED = "units.imported";

	private AuditTypes() {
	}

}
