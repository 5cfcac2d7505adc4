package cn.jianfu.gate;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.jianfu.org.Viewer;

/**
 * How other modules place demands at the gate: a module with its own form (a meeting, a
 * data request, an inspection, an app) creates or edits the gate's draft with its
 * kind-specific details, then sends the issuer to the demand's page, where it is
 * submitted, justified and issued like any other. Every call checks the viewer as the
 * gate's own pages do.
 */
public interface DemandIntake {

	/**
	 * Creates a draft for the viewer's unit (and department); the viewer must be an
	 * issuer.
	 * @return the new demand's id
	 */
	long draft(Viewer viewer, DemandDraft draft);

	/**
	 * Changes a draft or returned demand of the viewer's unit, at the version the viewer
	 * read if given.
	 */
	void edit(Viewer viewer, long id, @Nullable Integer version, DemandDraft draft);

	/** The demand if the viewer may read it (its issuing unit, or an overseer above). */
	Optional<Tracked> find(Viewer viewer, long id);

	/**
	 * A demand with where it stands.
	 *
	 * @param status the gate's status name ({@code DRAFT}, {@code ISSUED} …)
	 * @param gateNumber the number given at issue
	 */
	record Tracked(DemandSnapshot demand, int version, String status, @Nullable String gateNumber) {
	}

}
