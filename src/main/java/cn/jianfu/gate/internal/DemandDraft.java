package cn.jianfu.gate.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.jianfu.gate.DemandKind;

/**
 * What an issuer sends to create or edit a demand, before it is checked: everything but
 * the issuer, status and gate number, which never come from a request.
 *
 * @param recipientLevel with {@code recipientUnder}: all units of this level (1–5) under
 * that unit, instead of explicit codes
 * @param assessment answers to the burden-consistency checklist, by question key; null
 * when not filled in
 */
public record DemandDraft(@Nullable DemandKind kind, @Nullable String title, @Nullable String body,
		@Nullable String field, @Nullable String legalBasis, @Nullable List<String> recipientUnitCodes,
		@Nullable Integer recipientLevel, @Nullable String recipientUnder, @Nullable LocalDate dueDate,
		@Nullable Integer responseDays, @Nullable LocalDate expiresOn, @Nullable Long parentId,
		@Nullable Boolean specialTask, @Nullable Boolean note, @Nullable Boolean relaysParent,
		@Nullable Boolean requiresRelay, @Nullable Map<String, Boolean> assessment) {
}
