package cn.jianfu.gate.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.jianfu.gate.DemandApproved;
import cn.jianfu.gate.DemandClosed;
import cn.jianfu.gate.DemandExpired;
import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandJustified;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandRejected;
import cn.jianfu.gate.DemandReturned;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.DemandSubmitted;
import cn.jianfu.gate.DemandWithdrawn;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Problem;

/**
 * A demand (事项) an issuer places on grassroots units, and the rules of its lifecycle:
 * every state change is a method here that throws {@link IllegalStateException} in a
 * wrong state and registers the event that announces it.
 */
public class Demand {

	private static final Set<DemandStatus> EDITABLE = EnumSet.of(DemandStatus.DRAFT, DemandStatus.RETURNED);

	private static final Set<DemandStatus> WITHDRAWABLE = EnumSet.of(DemandStatus.DRAFT, DemandStatus.RETURNED,
			DemandStatus.ADMITTED, DemandStatus.NEEDS_JUSTIFICATION, DemandStatus.JUSTIFIED, DemandStatus.APPROVED,
			DemandStatus.ISSUED);

	private @Nullable DemandId id;

	private int version;

	private DemandStatus status;

	private final Issuer issuer;

	private Content content;

	private List<String> recipientCodes;

	private @Nullable Severity verdict;

	private List<StoredFinding> findings;

	private @Nullable String gateNumber;

	private @Nullable String decidedBy;

	private @Nullable String decisionReason;

	private final Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant submittedAt;

	private @Nullable Instant issuedAt;

	private final List<Object> events = new ArrayList<>();

	Demand(@Nullable DemandId id, int version, DemandStatus status, Issuer issuer, Content content,
			List<String> recipientCodes, @Nullable Severity verdict, List<StoredFinding> findings,
			@Nullable String gateNumber, @Nullable String decidedBy, @Nullable String decisionReason, Instant createdAt,
			Instant updatedAt, @Nullable Instant submittedAt, @Nullable Instant issuedAt) {
		this.id = id;
		this.version = version;
		this.status = status;
		this.issuer = issuer;
		this.content = content;
		this.recipientCodes = List.copyOf(recipientCodes);
		this.verdict = verdict;
		this.findings = List.copyOf(findings);
		this.gateNumber = gateNumber;
		this.decidedBy = decidedBy;
		this.decisionReason = decisionReason;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.submittedAt = submittedAt;
		this.issuedAt = issuedAt;
	}

	/**
	 * A new draft; explicit recipients are kept as given, a level is resolved on submit.
	 */
	public static Demand draft(Issuer issuer, Content content, Instant now) {
		return new Demand(null, 0, DemandStatus.DRAFT, issuer, content, content.recipients().unitCodes(), null,
				List.of(), null, null, null, now, now, null, null);
	}

	/** Replaces what the demand says; only a draft or a returned demand may change. */
	public void edit(Content content, Instant now) {
		requireStatus(EDITABLE, "edit");
		this.content = content;
		this.recipientCodes = content.recipients().unitCodes();
		this.updatedAt = now;
	}

	/**
	 * Hands the demand to the gate with its recipients resolved to unit codes; the
	 * verdict follows with {@link #decide}.
	 */
	public void submit(List<String> resolvedRecipients, Instant now) {
		requireStatus(EDITABLE, "submit");
		if (resolvedRecipients.isEmpty()) {
			throw Problem.badRequest("demand.recipients");
		}
		this.status = DemandStatus.SUBMITTED;
		this.recipientCodes = List.copyOf(resolvedRecipients);
		this.submittedAt = now;
		this.updatedAt = now;
	}

	/**
	 * Folds the findings into the verdict, their worst severity: a block returns the
	 * demand, a justification is asked for, anything else admits it.
	 */
	public Severity decide(List<Finding> findings) {
		requireStatus(EnumSet.of(DemandStatus.SUBMITTED), "decide");
		Severity worst = Severity.INFO;
		for (Finding finding : findings) {
			worst = worst.worse(finding.severity());
		}
		this.verdict = worst;
		this.findings = findings.stream().map(f -> new StoredFinding(f, null)).toList();
		this.decidedBy = null;
		this.decisionReason = null;
		this.status = switch (worst) {
			case BLOCK -> DemandStatus.RETURNED;
			case JUSTIFY -> DemandStatus.NEEDS_JUSTIFICATION;
			default -> DemandStatus.ADMITTED;
		};
		this.events.add(new DemandSubmitted(requireId(), worst));
		if (this.status == DemandStatus.RETURNED) {
			this.events.add(new DemandReturned(requireId()));
		}
		return worst;
	}

	/**
	 * Records the issuer's written answers; every finding that needs a justification must
	 * have one, and then the demand awaits the gatekeeper.
	 */
	public void justify(Map<String, String> answers, Instant now) {
		requireStatus(EnumSet.of(DemandStatus.NEEDS_JUSTIFICATION), "justify");
		List<StoredFinding> answered = new ArrayList<>();
		for (StoredFinding stored : this.findings) {
			if (stored.needsAnswer()) {
				String answer = answers.get(stored.finding().code());
				if (answer == null || answer.isBlank()) {
					throw Problem.badRequest("demand.justification.missing", stored.finding().code());
				}
				answered.add(new StoredFinding(stored.finding(), answer.strip()));
			}
			else {
				answered.add(stored);
			}
		}
		this.findings = List.copyOf(answered);
		this.status = DemandStatus.JUSTIFIED;
		this.updatedAt = now;
		this.events.add(new DemandJustified(requireId()));
	}

	public void approve(String gatekeeper, @Nullable String reason, Instant now) {
		requireStatus(EnumSet.of(DemandStatus.JUSTIFIED), "approve");
		this.status = DemandStatus.APPROVED;
		this.decidedBy = gatekeeper;
		this.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
		this.updatedAt = now;
		this.events.add(new DemandApproved(requireId(), gatekeeper));
	}

	public void reject(String gatekeeper, String reason, Instant now) {
		requireStatus(EnumSet.of(DemandStatus.JUSTIFIED), "reject");
		if (reason.isBlank()) {
			throw Problem.badRequest("demand.reason");
		}
		this.status = DemandStatus.REJECTED;
		this.decidedBy = gatekeeper;
		this.decisionReason = reason.strip();
		this.updatedAt = now;
		this.events.add(new DemandRejected(requireId(), gatekeeper, this.decisionReason));
	}

	/** Issues an admitted or approved demand under its gate number. */
	public void issue(String gateNumber, Instant now) {
		requireIssuable();
		this.status = DemandStatus.ISSUED;
		this.gateNumber = gateNumber;
		this.issuedAt = now;
		this.updatedAt = now;
		this.events.add(new DemandIssued(requireId(), gateNumber, snapshot(), now));
	}

	/** Throws unless the demand may be issued now (before a gate number is taken). */
	public void requireIssuable() {
		requireStatus(EnumSet.of(DemandStatus.ADMITTED, DemandStatus.APPROVED), "issue");
	}

	public void close(Instant now) {
		requireStatus(EnumSet.of(DemandStatus.ISSUED), "close");
		this.status = DemandStatus.CLOSED;
		this.updatedAt = now;
		this.events.add(new DemandClosed(requireId()));
	}

	/**
	 * Expires an issued demand whose {@code expiresOn} is before {@code today}; throws
	 * {@link IllegalStateException} in any other state or before its sunset.
	 */
	public void expire(LocalDate today, Instant now) {
		requireStatus(EnumSet.of(DemandStatus.ISSUED), "expire");
		if (!expiresBefore(today)) {
			throw new IllegalStateException("cannot expire a demand before its sunset: " + this.content.expiresOn());
		}
		this.status = DemandStatus.EXPIRED;
		this.updatedAt = now;
		this.events.add(new DemandExpired(requireId(), requireGateNumber(), today));
	}

	/** Whether the demand is issued and its {@code expiresOn} is before {@code today}. */
	public boolean expiresBefore(LocalDate today) {
		LocalDate expiresOn = this.content.expiresOn();
		return this.status == DemandStatus.ISSUED && expiresOn != null && expiresOn.isBefore(today);
	}

	public void withdraw(Instant now) {
		requireStatus(WITHDRAWABLE, "withdraw");
		this.status = DemandStatus.WITHDRAWN;
		this.updatedAt = now;
		this.events.add(new DemandWithdrawn(requireId()));
	}

	public boolean editable() {
		return EDITABLE.contains(this.status);
	}

	public boolean issuable() {
		return this.status == DemandStatus.ADMITTED || this.status == DemandStatus.APPROVED;
	}

	public boolean closable() {
		return this.status == DemandStatus.ISSUED;
	}

	public boolean withdrawable() {
		return WITHDRAWABLE.contains(this.status);
	}

	/** The demand as checks and listeners read it. */
	public DemandSnapshot snapshot() {
		Map<String, String> details = new LinkedHashMap<>(this.content.details());
		if (this.content.responseDays() != null) {
			details.put("responseDays", this.content.responseDays().toString());
		}
		Assessment assessment = this.content.assessment();
		return new DemandSnapshot(this.id == null ? 0 : this.id.value(), this.content.kind(), this.content.title(),
				this.content.body(), this.content.field(), this.content.legalBasis(), this.issuer.unitCode(),
				this.issuer.departmentId(), this.issuer.account(), this.recipientCodes, this.content.dueDate(),
				this.content.expiresOn(), this.content.parentId(), this.content.specialTask(), this.content.note(),
				this.content.relaysParent(), this.content.requiresRelay(),
				assessment == null ? null : assessment.score(), details);
	}

	private void requireStatus(Set<DemandStatus> allowed, String action) {
		if (!allowed.contains(this.status)) {
			throw new IllegalStateException("cannot " + action + " a demand that is " + this.status);
		}
	}

	private long requireId() {
		if (this.id == null) {
			throw new IllegalStateException("the demand has not been saved");
		}
		return this.id.value();
	}

	private String requireGateNumber() {
		if (this.gateNumber == null) {
			throw new IllegalStateException("the demand has no gate number");
		}
		return this.gateNumber;
	}

	/** The events registered since the demand was loaded, handed over once. */
	List<Object> takeEvents() {
		List<Object> taken = List.copyOf(this.events);
		this.events.clear();
		return taken;
	}

	void saved(DemandId id, int version) {
		this.id = id;
		this.version = version;
	}

	public DemandId id() {
		return new DemandId(requireId());
	}

	public int version() {
		return this.version;
	}

	public DemandStatus status() {
		return this.status;
	}

	public Issuer issuer() {
		return this.issuer;
	}

	public Content content() {
		return this.content;
	}

	public List<String> recipientCodes() {
		return this.recipientCodes;
	}

	public @Nullable Severity verdict() {
		return this.verdict;
	}

	public List<StoredFinding> findings() {
		return this.findings;
	}

	public @Nullable String gateNumber() {
		return this.gateNumber;
	}

	public @Nullable String decidedBy() {
		return this.decidedBy;
	}

	public @Nullable String decisionReason() {
		return this.decisionReason;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public @Nullable Instant submittedAt() {
		return this.submittedAt;
	}

	public @Nullable Instant issuedAt() {
		return this.issuedAt;
	}

	/**
	 * Who issues the demand: taken from the signed-in account, never from a request.
	 */
	public record Issuer(String unitCode, String unitPath, @Nullable Long departmentId, String account) {
	}

	/**
	 * What the issuer writes and may change while the demand is a draft or returned.
	 */
	public record Content(DemandKind kind, String title, String body, @Nullable String field,
			@Nullable String legalBasis, Recipients recipients, @Nullable LocalDate dueDate,
			@Nullable Integer responseDays, @Nullable LocalDate expiresOn, @Nullable Long parentId, boolean specialTask,
			boolean note, boolean relaysParent, boolean requiresRelay, @Nullable Assessment assessment,
			Map<String, String> details) {

		public Content {
			details = Map.copyOf(details);
		}

	}

}
