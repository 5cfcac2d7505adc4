package cn.jianfu.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.jianfu.org.Viewer;

/**
 * The gate's record of one demand as evidence for supervisors: what was asked, the
 * findings of its latest submission with the issuer's answers, and who decided; read with
 * the same visibility as the gate's own pages (the issuing unit, or an overseer whose
 * scope contains it).
 */
public interface DemandEvidence {

	/** The demand's record if the viewer may read it. */
	Optional<Record> evidence(Viewer viewer, long demandId);

	/** The id of the demand with this gate number, if the viewer may read it. */
	Optional<Long> byGateNumber(Viewer viewer, String gateNumber);

	/**
	 * One demand's record.
	 *
	 * @param issuerUnitPath the issuing unit's path, for scoping by the reader
	 * @param decidedBy the gatekeeper who approved or rejected it, if any
	 */
	record Record(DemandSnapshot demand, String status, @Nullable String gateNumber, String issuerUnitPath,
			@Nullable Severity verdict, List<AnsweredFinding> findings, @Nullable String decidedBy,
			@Nullable String decisionReason, @Nullable Instant submittedAt, @Nullable Instant issuedAt) {

		public Record {
			findings = List.copyOf(findings);
		}

	}

	/** A finding with the issuer's written justification, if one was given. */
	record AnsweredFinding(Finding finding, @Nullable String justification) {
	}

}
