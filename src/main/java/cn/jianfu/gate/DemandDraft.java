package cn.jianfu.gate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an issuer sends to create or edit a demand, before it is checked: everything but
 * the issuer, status and gate number, which never come from a request.
 *
 * @param recipientLevel with {@code recipientUnder}: all units of this level (1–5) under
 * that unit, instead of explicit codes
 * @param assessment answers to the burden-consistency checklist, by question key; null
 * when not filled in
 * @param details kind-specific values, by key ({@code meeting.minutes},
 * {@code form.fields} …): the kind's module writes them, its checks and estimators read
 * them from {@link DemandSnapshot#details()}; keys are lower-case words joined by dots or
 * hyphens
 */
public record DemandDraft(@Nullable DemandKind kind, @Nullable String title, @Nullable String body,
		@Nullable String field, @Nullable String legalBasis, @Nullable List<String> recipientUnitCodes,
		@Nullable Integer recipientLevel, @Nullable String recipientUnder, @Nullable LocalDate dueDate,
		@Nullable Integer responseDays, @Nullable LocalDate expiresOn, @Nullable Long parentId,
		@Nullable Boolean specialTask, @Nullable Boolean note, @Nullable Boolean relaysParent,
		@Nullable Boolean requiresRelay, @Nullable Map<String, Boolean> assessment,
		@Nullable Map<String, String> details) {

	/** A draft without kind-specific details. */
	public DemandDraft(@Nullable DemandKind kind, @Nullable String title, @Nullable String body, @Nullable String field,
			@Nullable String legalBasis, @Nullable List<String> recipientUnitCodes, @Nullable Integer recipientLevel,
			@Nullable String recipientUnder, @Nullable LocalDate dueDate, @Nullable Integer responseDays,
			@Nullable LocalDate expiresOn, @Nullable Long parentId, @Nullable Boolean specialTask,
			@Nullable Boolean note, @Nullable Boolean relaysParent, @Nullable Boolean requiresRelay,
			@Nullable Map<String, Boolean> assessment) {
		this(kind, title, body, field, legalBasis, recipientUnitCodes, recipientLevel, recipientUnder, dueDate,
				responseDays, expiresOn, parentId, specialTask, note, relaysParent, requiresRelay, assessment, null);
	}

	/** The same draft with these details instead. */
	public DemandDraft withDetails(Map<String, String> details) {
		return new DemandDraft(this.kind, this.title, this.body, this.field, this.legalBasis, this.recipientUnitCodes,
				this.recipientLevel, this.recipientUnder, this.dueDate, this.responseDays, this.expiresOn,
				this.parentId, this.specialTask, this.note, this.relaysParent, this.requiresRelay, this.assessment,
				details);
	}

}
