package cn.jianfu.gate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.jianfu.org.Viewer;

/**
 * The gate's lifecycle as of a given instant, for demands whose history happened before
 * they are entered here (the demo year): the same checks, permissions, audit records and
 * events as the gate's own buttons, but the demand's dates (created, submitted, decided,
 * issued) and the date the checks take as today are {@code at} instead of the clock's
 * instant. The audit log keeps the real time of each call, so the record of what was done
 * on this machine stays true.
 */
public interface DemandSteps {

	/** Creates a draft for the viewer's unit as of {@code at}; returns its id. */
	long draft(Viewer viewer, DemandDraft draft, Instant at);

	/** Submits the viewer's draft; returns the outcome. */
	Outcome submit(Viewer viewer, long id, Instant at);

	/**
	 * Answers the findings that need a justification, by finding code; the demand then
	 * awaits the gatekeeper.
	 */
	void justify(Viewer viewer, long id, Map<String, String> answers, Instant at);

	/** The gatekeeper approves a justified demand. */
	void approve(Viewer gatekeeper, long id, @Nullable String reason, Instant at);

	/** The gatekeeper rejects a justified demand, with a reason. */
	void reject(Viewer gatekeeper, long id, String reason, Instant at);

	/** Issues an admitted or approved demand; returns its gate number. */
	String issue(Viewer viewer, long id, Instant at);

	/**
	 * Where a submitted demand stands.
	 *
	 * @param status the gate's status name ({@code ADMITTED}, {@code RETURNED} …)
	 * @param findings the findings of the checks
	 */
	record Outcome(String status, List<Finding> findings) {
	}

}
