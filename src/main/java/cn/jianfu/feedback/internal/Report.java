package cn.jianfu.feedback.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An anonymous report as supervisors and the reporter see it; it carries nothing about
 * who sent it.
 */
public record Report(long id, String number, Category category, String body, @Nullable String placeCode,
		@Nullable String placeName, String jurisdictionPath, LocalDate receivedOn, Status status,
		@Nullable Outcome outcome, @Nullable String outcomeText, @Nullable LocalDate closedOn,
		@Nullable Verdict reporterVerdict, @Nullable Long linkedDemandId, @Nullable String linkedGateNumber,
		@Nullable String linkedIssuerCode, @Nullable String linkedIssuerName, @Nullable Long linkedUngatedId,
		int version, List<Note> notes, List<Attachment> attachments) {

	public Report {
		notes = List.copyOf(notes);
		attachments = List.copyOf(attachments);
	}

	/** Where a report stands. */
	public enum Status {

		NEW, INVESTIGATING, CLOSED;

		public String messageKey() {
			return "report.status." + name().toLowerCase(Locale.ROOT);
		}

	}

	/** The reporter's answer to the closure. */
	public enum Verdict {

		CONFIRMED, DISPUTED;

		public String messageKey() {
			return "report.verdict." + name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * An entry on the report: the reporter's additions ({@code INFO}, {@code CONFIRMED},
	 * {@code DISPUTED}, without account), a supervisor's internal finding
	 * ({@code FINDING}) or message to the reporter ({@code REPLY}), and the record of
	 * links and closure ({@code LINK}, {@code CLOSURE}).
	 */
	public record Note(long id, String kind, String body, @Nullable String account, LocalDate writtenOn) {

		/** Whether the reporter sees this entry. */
		public boolean forReporter() {
			return !this.kind.equals("FINDING") && !this.kind.equals("LINK");
		}

		public String messageKey() {
			return "report.note." + this.kind.toLowerCase(Locale.ROOT);
		}

	}

	/** A stored attachment, stripped of metadata; its original name is not kept. */
	public record Attachment(long id, String storedId, String contentType, long size) {
	}

}
