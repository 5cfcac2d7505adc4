package cn.jianfu.ledger;

import java.util.List;

/**
 * Reports of ungated demands that a module (documents) found in no issued document:
 * likely ungated demands of the issuer the report names, shown on the dashboards per
 * issuer. The ledger works without an implementation.
 */
public interface UngatedSuspicions {

	/**
	 * Likely ungated demands reported by units whose path matches, received in the year,
	 * per named issuer, most first.
	 */
	List<Issuer> byIssuer(String unitPathPattern, int year);

	/**
	 * @param reports the latest reports' ids, newest first (at most a few)
	 * @param link where the flagged reports are listed
	 */
	record Issuer(String issuer, long count, List<Long> reports, String link) {
	}

}
