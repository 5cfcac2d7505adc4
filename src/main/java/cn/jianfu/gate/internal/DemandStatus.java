package cn.jianfu.gate.internal;

import java.util.Locale;

/**
 * Where a demand stands in its lifecycle: draft → submitted → admitted | returned | needs
 * justification → justified → approved | rejected → issued → closed | expired |
 * withdrawn.
 */
public enum DemandStatus {

	/** 草稿. */
	DRAFT,
	/** 已提交, while the checks run. */
	SUBMITTED,
	/** 准入: no finding needs a justification; the issuer may issue. */
	ADMITTED,
	/** 退回: a check blocked the demand; the issuer may edit and submit again. */
	RETURNED,
	/** 待说明: the issuer must answer each finding that needs a justification. */
	NEEDS_JUSTIFICATION,
	/** 待审核: answered, awaiting the gatekeeper. */
	JUSTIFIED,
	/** 已批准. */
	APPROVED,
	/** 未批准. */
	REJECTED,
	/** 已印发, with a gate number. */
	ISSUED,
	/** 已办结. */
	CLOSED,
	/**
	 * 已到期: issued and past its sunset ({@code expiresOn}); set by the daily expiry job.
	 */
	EXPIRED,
	/** 已撤回. */
	WITHDRAWN;

	public String messageKey() {
		return "demand.status." + name().toLowerCase(Locale.ROOT);
	}

}
