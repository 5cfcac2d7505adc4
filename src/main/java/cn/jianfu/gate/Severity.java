package cn.jianfu.gate;

/**
 * How serious a finding is, in increasing order; the verdict of a submission is its worst
 * finding.
 */
public enum Severity {

	/** Information for the issuer and the gatekeeper. */
	INFO,
	/** A warning: the demand may still be admitted. */
	WARN,
	/** 需说明理由: the issuer must answer in writing and the gatekeeper approve. */
	JUSTIFY,
	/** 拦截: the demand is returned and cannot be issued as it is. */
	BLOCK;

	public Severity worse(Severity other) {
		return compareTo(other) >= 0 ? this : other;
	}

}
