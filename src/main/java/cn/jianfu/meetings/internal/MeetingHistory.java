package cn.jianfu.meetings.internal;

/**
 * What the meeting checks ask about meetings issued before, so that they can be tested
 * without a database.
 */
public interface MeetingHistory {

	/**
	 * Comprehensive work meetings the unit issued in the field whose start lies in the
	 * year, other than the given demand.
	 */
	long comprehensiveIssued(String unitCode, String field, int year, long except);

	/**
	 * The unit's issued meetings starting in the year, other than the given demand: how
	 * many in all, how many by video (or both).
	 */
	Share videoShare(String unitCode, int year, long except);

	/** Meetings issued before in a year: all of them, and those by video. */
	record Share(long total, long video) {
	}

}
