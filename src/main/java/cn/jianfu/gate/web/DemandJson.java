package cn.jianfu.gate.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Severity;
import cn.jianfu.gate.internal.Demand;
import cn.jianfu.gate.internal.DemandAttachments;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.internal.DemandStatus;
import cn.jianfu.gate.internal.Gatekeeper;
import cn.jianfu.gate.internal.StoredFinding;

/**
 * The JSON shapes of the demands API.
 */
final class DemandJson {

	private DemandJson() {
	}

	/**
	 * A demand to create or edit. Status, issuer, unit and gate number are not part of
	 * it: sent anyway, they are ignored.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record DemandRequest(@Nullable Integer version, @Nullable DemandKind kind, @Nullable String title,
			@Nullable String body, @Nullable String field, @Nullable String legalBasis,
			@Nullable List<String> recipientUnitCodes, @Nullable Integer recipientLevel,
			@Nullable String recipientUnder, @Nullable LocalDate dueDate, @Nullable Integer responseDays,
			@Nullable LocalDate expiresOn, @Nullable Long parentId, @Nullable Boolean specialTask,
			@Nullable Boolean note, @Nullable Boolean relaysParent, @Nullable Boolean requiresRelay,
			@Nullable Map<String, Boolean> assessment, @Nullable Map<String, String> details) {

		DemandDraft draft() {
			return new DemandDraft(this.kind, this.title, this.body, this.field, this.legalBasis,
					this.recipientUnitCodes, this.recipientLevel, this.recipientUnder, this.dueDate, this.responseDays,
					this.expiresOn, this.parentId, this.specialTask, this.note, this.relaysParent, this.requiresRelay,
					this.assessment, this.details);
		}

	}

	/** The version the client read, for actions that take nothing else. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record VersionRequest(@Nullable Integer version) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record JustificationRequest(@Nullable Integer version, @Nullable Map<String, String> answers) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DecisionRequest(@Nullable Integer version, @Nullable String reason) {
	}

	record Created(long id, int version, DemandStatus status) {
	}

	record Issued(long id, String gateNumber) {
	}

	record FindingView(String code, Severity severity, String message, String messageEn, String evidence, RuleRef rule,
			@Nullable String justification) {

		static FindingView of(Finding f, @Nullable String justification) {
			return new FindingView(f.code(), f.severity(), f.messageZh(), f.messageEn(), f.evidence(), f.rule(),
					justification);
		}

	}

	record VerdictView(Severity verdict, DemandStatus status, int version, List<FindingView> findings) {

		static VerdictView of(Gatekeeper.Verdict v) {
			return new VerdictView(v.verdict(), v.status(), v.version(),
					v.findings().stream().map(f -> FindingView.of(f, null)).toList());
		}

	}

	record Issuer(String unitCode, @Nullable Long departmentId, String account) {
	}

	record DemandView(long id, int version, DemandStatus status, DemandKind kind, String title, String body,
			@Nullable String field, @Nullable String legalBasis, Issuer issuer, List<String> recipientUnitCodes,
			@Nullable Integer recipientLevel, @Nullable String recipientUnder, @Nullable LocalDate dueDate,
			@Nullable Integer responseDays, @Nullable LocalDate expiresOn, @Nullable Long parentId, boolean specialTask,
			boolean note, boolean relaysParent, boolean requiresRelay, @Nullable Integer assessmentScore,
			@Nullable Map<String, Boolean> assessment, @Nullable Severity verdict, List<FindingView> findings,
			@Nullable String gateNumber, @Nullable String decidedBy, @Nullable String decisionReason, Instant createdAt,
			Instant updatedAt, @Nullable Instant submittedAt, @Nullable Instant issuedAt,
			List<AttachmentView> attachments, Map<String, String> details) {

		static DemandView of(Demand d) {
			return of(d, List.of());
		}

		static DemandView of(Demand d, List<DemandAttachments.Attachment> attachments) {
			Demand.Content c = d.content();
			return new DemandView(d.id().value(), d.version(), d.status(), c.kind(), c.title(), c.body(), c.field(),
					c.legalBasis(), new Issuer(d.issuer().unitCode(), d.issuer().departmentId(), d.issuer().account()),
					d.recipientCodes(), c.recipients().level() == null ? null : c.recipients().level().number(),
					c.recipients().under(), c.dueDate(), c.responseDays(), c.expiresOn(), c.parentId(), c.specialTask(),
					c.note(), c.relaysParent(), c.requiresRelay(),
					c.assessment() == null ? null : c.assessment().score(),
					c.assessment() == null ? null : c.assessment().answers(), d.verdict(),
					d.findings()
						.stream()
						.map((StoredFinding s) -> FindingView.of(s.finding(), s.justification()))
						.toList(),
					d.gateNumber(), d.decidedBy(), d.decisionReason(), d.createdAt(), d.updatedAt(), d.submittedAt(),
					d.issuedAt(), attachments.stream().map(a -> AttachmentView.of(d, a)).toList(), c.details());
		}

	}

	/** An attachment as listed with its demand, with the address to download it from. */
	record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String sha256,
			String uploadedBy, Instant uploadedAt, String href) {

		static AttachmentView of(Demand d, DemandAttachments.Attachment a) {
			return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(), a.uploadedBy(),
					a.uploadedAt(), "/api/v1/demands/" + d.id().value() + "/attachments/" + a.id());
		}

	}

	record CheckView(String code, String title, String titleEn, String description, String descriptionEn,
			String example, String exampleEn, RuleRef rule) {
	}

}
