package cn.jianfu.org;

/**
 * What an account may do; an account has one or more roles and always acts inside its
 * unit's subtree.
 */
public enum Role {

	/** 发起单位: drafts demands and submits them to the gate. */
	ISSUER,
	/** 减负办: reviews findings, approves or rejects, keeps the rulebook. */
	GATEKEEPER,
	/** 基层: township and village staff who receive demands. */
	GRASSROOTS,
	/** 监督: discipline inspection staff who read across the jurisdiction. */
	SUPERVISOR,
	/** 管理员: operates the platform (hierarchy, accounts, imports). */
	ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
