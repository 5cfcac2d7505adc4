package cn.jianfu.gate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A demand as it stands when it is submitted or issued: what checks read, and what the
 * issue event carries to the ledger. Recipients are resolved to explicit unit codes ("all
 * villages under U" becomes the list).
 *
 * @param specialTask a special task (专项任务), which has a shorter length limit for
 * documents
 * @param note a white-header note or informal notice (白头文件, 便笺), which still counts as a
 * document
 * @param relaysParent the demand implements or relays its parent (配套文件, 传达会议)
 * @param requiresRelay the demand requires recipients to draft supporting documents or
 * hold relaying meetings
 * @param assessmentScore the burden-consistency assessment score (为基层减负一致性评估), 0–100, if
 * filled in
 * @param details kind-specific values that the kind's module reads (a meeting's duration,
 * a form's field count …)
 */
public record DemandSnapshot(long id, DemandKind kind, String title, String body, @Nullable String field,
		@Nullable String legalBasis, String issuerUnitCode, @Nullable Long issuerDepartmentId, String issuerAccount,
		List<String> recipientUnitCodes, @Nullable LocalDate dueDate, @Nullable LocalDate expiresOn,
		@Nullable Long parentId, boolean specialTask, boolean note, boolean relaysParent, boolean requiresRelay,
		@Nullable Integer assessmentScore, Map<String, String> details) {

	public DemandSnapshot {
		recipientUnitCodes = List.copyOf(recipientUnitCodes);
		details = Map.copyOf(details);
	}

	/** Length in characters as the rules count it: the body without whitespace. */
	public int length() {
		return (int) this.body.codePoints().filter(c -> !Character.isWhitespace(c)).count();
	}

}
