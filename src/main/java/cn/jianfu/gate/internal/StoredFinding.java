package cn.jianfu.gate.internal;

import org.jspecify.annotations.Nullable;

import cn.jianfu.gate.Finding;
import cn.jianfu.gate.Severity;

/**
 * A finding of the demand's latest submission, with the issuer's written answer once
 * given.
 */
public record StoredFinding(Finding finding, @Nullable String justification) {

	public boolean needsAnswer() {
		return this.finding.severity() == Severity.JUSTIFY;
	}

}
