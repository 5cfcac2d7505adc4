package cn.jianfu.feedback.internal;

import java.util.Locale;

/**
 * How a report or a case ended: a report may be closed as resolved or unsubstantiated; a
 * case is decided as dismissed, 通报 (public notice), 约谈 (admonitory talk) or 问责
 * (accountability), and its report closes with the same outcome.
 */
public enum Outcome {

	RESOLVED, UNSUBSTANTIATED, DISMISSED, TONGBAO, YUETAN, WENZE;

	public String messageKey() {
		return "report.outcome." + name().toLowerCase(Locale.ROOT);
	}

	/** Whether this is a decision of the docket. */
	public boolean decision() {
		return this == DISMISSED || this == TONGBAO || this == YUETAN || this == WENZE;
	}

	/** Whether a case decided so is published in the bulletin. */
	public boolean published() {
		return this == TONGBAO || this == YUETAN || this == WENZE;
	}

}
