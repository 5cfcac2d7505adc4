package cn.jianfu.meetings.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.jianfu.meetings.internal.Convener;
import cn.jianfu.meetings.internal.Meeting;
import cn.jianfu.meetings.internal.MeetingDesk;
import cn.jianfu.meetings.internal.MeetingInvalid;
import cn.jianfu.meetings.internal.MeetingMode;
import cn.jianfu.meetings.internal.MeetingRequest;

/**
 * The meeting form as the browser posts it: every value a string, so that a bad number or
 * time becomes a message naming the field rather than a binding failure. Blank agenda
 * rows are ignored.
 */
public class MeetingForm {

	static final int AGENDA_ROWS = 6;

	private @Nullable Integer version;

	private String title = "";

	private String body = "";

	private String mode = "VIDEO";

	private String field = "";

	private boolean comprehensive;

	private String planEntryId = "";

	private List<AgendaRow> agenda = new ArrayList<>();

	private String start = "";

	private String end = "";

	private String discussionMinutes = "0";

	private String principals = "0";

	private String deputies = "1";

	private String staff = "0";

	private String venue = "";

	private String parentDemandId = "";

	private String parentTitle = "";

	private boolean requiresRelay;

	private String convener = "PRINCIPAL";

	private List<String> recipientUnitCodes = new ArrayList<>();

	private String legalBasis = "";

	public MeetingForm() {
		padAgenda();
	}

	/** Keeps at least {@link #AGENDA_ROWS} rows, and one blank row after the last. */
	void padAgenda() {
		while (this.agenda.size() < AGENDA_ROWS) {
			this.agenda.add(new AgendaRow());
		}
	}

	static MeetingForm of(MeetingDesk.View view) {
		Meeting m = view.meeting();
		MeetingForm form = new MeetingForm();
		form.version = view.version();
		form.title = m.title();
		form.body = "";
		form.mode = m.mode().name();
		form.field = m.field();
		form.comprehensive = m.comprehensive();
		form.planEntryId = m.planEntryId() == null ? "" : m.planEntryId().toString();
		form.agenda = new ArrayList<>();
		for (Meeting.Item item : m.agenda()) {
			AgendaRow row = new AgendaRow();
			row.setTopic(item.topic());
			row.setSpeaker(item.speaker() == null ? "" : item.speaker());
			row.setMinutes(String.valueOf(item.minutes()));
			row.setMainSpeech(item.mainSpeech());
			form.agenda.add(row);
		}
		form.padAgenda();
		form.start = m.start().toString();
		form.end = m.end().toString();
		form.discussionMinutes = String.valueOf(m.discussionMinutes());
		form.principals = String.valueOf(m.principals());
		form.deputies = String.valueOf(m.deputies());
		form.staff = String.valueOf(m.staff());
		form.venue = m.venue() == null ? "" : m.venue();
		form.parentDemandId = m.parentDemandId() == null ? "" : m.parentDemandId().toString();
		form.parentTitle = m.parentTitle() == null ? "" : m.parentTitle();
		form.requiresRelay = m.requiresRelay();
		form.convener = m.convener().name();
		form.recipientUnitCodes = new ArrayList<>(view.recipientUnitCodes());
		form.legalBasis = view.legalBasis() == null ? "" : view.legalBasis();
		form.body = noticeOnly(view.body());
		return form;
	}

	/** The issuer's own text: the notice before the generated time, venue and agenda. */
	private static String noticeOnly(String body) {
		int generated = body.indexOf("时间：");
		return generated < 0 ? body : body.substring(0, generated).strip();
	}

	/** The request, or every unreadable value as an error naming its field. */
	MeetingRequest request() {
		List<MeetingInvalid.FieldError> errors = new ArrayList<>();
		List<MeetingRequest.AgendaItem> items = new ArrayList<>();
		for (int i = 0; i < this.agenda.size(); i++) {
			AgendaRow row = this.agenda.get(i);
			if (row.blank()) {
				continue;
			}
			items.add(new MeetingRequest.AgendaItem(row.getTopic(), row.getSpeaker(),
					number(errors, "agenda[" + i + "].minutes", row.getMinutes()), row.isMainSpeech()));
		}
		MeetingRequest request = new MeetingRequest(this.title, this.body, MeetingMode.parse(this.mode), this.field,
				this.comprehensive, longNumber(errors, "planEntryId", this.planEntryId), items,
				time(errors, "start", this.start), time(errors, "end", this.end),
				number(errors, "discussionMinutes", this.discussionMinutes),
				number(errors, "principals", this.principals), number(errors, "deputies", this.deputies),
				number(errors, "staff", this.staff), this.venue,
				longNumber(errors, "parentDemandId", this.parentDemandId), this.parentTitle, this.requiresRelay,
				Convener.parse(this.convener), this.recipientUnitCodes, this.legalBasis);
		if (!errors.isEmpty()) {
			throw new MeetingInvalid(errors);
		}
		return request;
	}

	private static @Nullable Integer number(List<MeetingInvalid.FieldError> errors, String field,
			@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(new MeetingInvalid.FieldError(field, "meeting.number", field));
			return null;
		}
	}

	private static @Nullable Long longNumber(List<MeetingInvalid.FieldError> errors, String field,
			@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(new MeetingInvalid.FieldError(field, "meeting.number", field));
			return null;
		}
	}

	private static @Nullable LocalDateTime time(List<MeetingInvalid.FieldError> errors, String field,
			@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip().replace(' ', 'T'));
		}
		catch (DateTimeParseException ex) {
			errors.add(new MeetingInvalid.FieldError(field, "meeting.time", field));
			return null;
		}
	}

	/** One agenda row of the form. */
	public static class AgendaRow {

		private String topic = "";

		private String speaker = "";

		private String minutes = "";

		private boolean mainSpeech;

		boolean blank() {
			return this.topic.isBlank() && this.speaker.isBlank() && this.minutes.isBlank();
		}

		public String getTopic() {
			return this.topic;
		}

		public void setTopic(@Nullable String topic) {
			this.topic = topic == null ? "" : topic;
		}

		public String getSpeaker() {
			return this.speaker;
		}

		public void setSpeaker(@Nullable String speaker) {
			this.speaker = speaker == null ? "" : speaker;
		}

		public String getMinutes() {
			return this.minutes;
		}

		public void setMinutes(@Nullable String minutes) {
			this.minutes = minutes == null ? "" : minutes;
		}

		public boolean isMainSpeech() {
			return this.mainSpeech;
		}

		public void setMainSpeech(boolean mainSpeech) {
			this.mainSpeech = mainSpeech;
		}

	}

	public @Nullable Integer getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title == null ? "" : title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(@Nullable String body) {
		this.body = body == null ? "" : body;
	}

	public String getMode() {
		return this.mode;
	}

	public void setMode(@Nullable String mode) {
		this.mode = mode == null ? "" : mode;
	}

	public String getField() {
		return this.field;
	}

	public void setField(@Nullable String field) {
		this.field = field == null ? "" : field;
	}

	public boolean isComprehensive() {
		return this.comprehensive;
	}

	public void setComprehensive(boolean comprehensive) {
		this.comprehensive = comprehensive;
	}

	public String getPlanEntryId() {
		return this.planEntryId;
	}

	public void setPlanEntryId(@Nullable String planEntryId) {
		this.planEntryId = planEntryId == null ? "" : planEntryId;
	}

	public List<AgendaRow> getAgenda() {
		return this.agenda;
	}

	public void setAgenda(@Nullable List<AgendaRow> agenda) {
		this.agenda = agenda == null ? new ArrayList<>() : agenda;
	}

	public String getStart() {
		return this.start;
	}

	public void setStart(@Nullable String start) {
		this.start = start == null ? "" : start;
	}

	public String getEnd() {
		return this.end;
	}

	public void setEnd(@Nullable String end) {
		this.end = end == null ? "" : end;
	}

	public String getDiscussionMinutes() {
		return this.discussionMinutes;
	}

	public void setDiscussionMinutes(@Nullable String discussionMinutes) {
		this.discussionMinutes = discussionMinutes == null ? "" : discussionMinutes;
	}

	public String getPrincipals() {
		return this.principals;
	}

	public void setPrincipals(@Nullable String principals) {
		this.principals = principals == null ? "" : principals;
	}

	public String getDeputies() {
		return this.deputies;
	}

	public void setDeputies(@Nullable String deputies) {
		this.deputies = deputies == null ? "" : deputies;
	}

	public String getStaff() {
		return this.staff;
	}

	public void setStaff(@Nullable String staff) {
		this.staff = staff == null ? "" : staff;
	}

	public String getVenue() {
		return this.venue;
	}

	public void setVenue(@Nullable String venue) {
		this.venue = venue == null ? "" : venue;
	}

	public String getParentDemandId() {
		return this.parentDemandId;
	}

	public void setParentDemandId(@Nullable String parentDemandId) {
		this.parentDemandId = parentDemandId == null ? "" : parentDemandId;
	}

	public String getParentTitle() {
		return this.parentTitle;
	}

	public void setParentTitle(@Nullable String parentTitle) {
		this.parentTitle = parentTitle == null ? "" : parentTitle;
	}

	public boolean isRequiresRelay() {
		return this.requiresRelay;
	}

	public void setRequiresRelay(boolean requiresRelay) {
		this.requiresRelay = requiresRelay;
	}

	public String getConvener() {
		return this.convener;
	}

	public void setConvener(@Nullable String convener) {
		this.convener = convener == null ? "" : convener;
	}

	public List<String> getRecipientUnitCodes() {
		return this.recipientUnitCodes;
	}

	public void setRecipientUnitCodes(@Nullable List<String> recipientUnitCodes) {
		this.recipientUnitCodes = recipientUnitCodes == null ? new ArrayList<>() : recipientUnitCodes;
	}

	public String getLegalBasis() {
		return this.legalBasis;
	}

	public void setLegalBasis(@Nullable String legalBasis) {
		this.legalBasis = legalBasis == null ? "" : legalBasis;
	}

}
