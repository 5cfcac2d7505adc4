package cn.jianfu.audit;

/**
 * The event type codes the foundation records; codes are stable once written, because
 * stored rows and reports refer to them.
 */
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

	public static final String EXPORT = "export";

	public static final String RULEBOOK_CHANGED = "rulebook.changed";

	/**
	 * Rows written by {@code bench audit}, so that they can be told apart from real
	 * events.
	 */
	public static final String BENCHMARK = "benchmark";

	/** The account of events no person caused. */
	public static final String SYSTEM = "system";

	/** The account of events before anyone logged in. */
	public static final String ANONYMOUS = "anonymous";

	private AuditTypes() {
	}

}
