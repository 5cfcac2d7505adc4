package cn.jianfu.gate.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.internal.AssessmentChecklist;
import cn.jianfu.gate.internal.Demand;
import cn.jianfu.gate.DemandDraft;

/**
 * The new-demand and edit form: recipients are either checked units ({@code units}) or
 * all units of a level under a unit ({@code level}); the assessment is the list of
 * questions answered yes.
 */
public class DemandForm {

	private @Nullable Integer version;

	private @Nullable DemandKind kind = DemandKind.DOCUMENT;

	private @Nullable String title;

	private @Nullable String body;

	private @Nullable String field;

	private @Nullable String legalBasis;

	private String recipientMode = "units";

	private List<String> recipientUnitCodes = new ArrayList<>();

	private @Nullable Integer recipientLevel;

	private @Nullable String recipientUnder;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate dueDate;

	private @Nullable Integer responseDays;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate expiresOn;

	private @Nullable Long parentId;

	private boolean specialTask;

	private boolean note;

	private boolean relaysParent;

	private boolean requiresRelay;

	private List<String> assessmentYes = new ArrayList<>();

	static DemandForm of(Demand demand) {
		DemandForm form = new DemandForm();
		Demand.Content c = demand.content();
		form.version = demand.version();
		form.kind = c.kind();
		form.title = c.title();
		form.body = c.body();
		form.field = c.field();
		form.legalBasis = c.legalBasis();
		if (c.recipients().byLevel()) {
			form.recipientMode = "level";
			form.recipientLevel = c.recipients().level().number();
			form.recipientUnder = c.recipients().under();
		}
		else {
			form.recipientUnitCodes = new ArrayList<>(c.recipients().unitCodes());
		}
		form.dueDate = c.dueDate();
		form.responseDays = c.responseDays();
		form.expiresOn = c.expiresOn();
		form.parentId = c.parentId();
		form.specialTask = c.specialTask();
		form.note = c.note();
		form.relaysParent = c.relaysParent();
		form.requiresRelay = c.requiresRelay();
		if (c.assessment() != null) {
			c.assessment().answers().forEach((k, v) -> {
				if (v) {
					form.assessmentYes.add(k);
				}
			});
		}
		return form;
	}

	DemandDraft draft(AssessmentChecklist checklist) {
		Map<String, Boolean> answers = new LinkedHashMap<>();
		checklist.questions().forEach(q -> answers.put(q.key(), this.assessmentYes.contains(q.key())));
		boolean byLevel = "level".equals(this.recipientMode);
		return new DemandDraft(this.kind, this.title, this.body, this.field, this.legalBasis,
				byLevel ? List.of() : this.recipientUnitCodes, byLevel ? this.recipientLevel : null,
				byLevel ? this.recipientUnder : null, this.dueDate, this.responseDays, this.expiresOn, this.parentId,
				this.specialTask, this.note, this.relaysParent, this.requiresRelay, answers);
	}

	public @Nullable Integer getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}

	public @Nullable DemandKind getKind() {
		return this.kind;
	}

	public void setKind(@Nullable DemandKind kind) {
		this.kind = kind;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getBody() {
		return this.body;
	}

	public void setBody(@Nullable String body) {
		this.body = body;
	}

	public @Nullable String getField() {
		return this.field;
	}

	public void setField(@Nullable String field) {
		this.field = field;
	}

	public @Nullable String getLegalBasis() {
		return this.legalBasis;
	}

	public void setLegalBasis(@Nullable String legalBasis) {
		this.legalBasis = legalBasis;
	}

	public String getRecipientMode() {
		return this.recipientMode;
	}

	public void setRecipientMode(String recipientMode) {
		this.recipientMode = recipientMode;
	}

	public List<String> getRecipientUnitCodes() {
		return this.recipientUnitCodes;
	}

	public void setRecipientUnitCodes(List<String> recipientUnitCodes) {
		this.recipientUnitCodes = recipientUnitCodes;
	}

	public @Nullable Integer getRecipientLevel() {
		return this.recipientLevel;
	}

	public void setRecipientLevel(@Nullable Integer recipientLevel) {
		this.recipientLevel = recipientLevel;
	}

	public @Nullable String getRecipientUnder() {
		return this.recipientUnder;
	}

	public void setRecipientUnder(@Nullable String recipientUnder) {
		this.recipientUnder = recipientUnder;
	}

	public @Nullable LocalDate getDueDate() {
		return this.dueDate;
	}

	public void setDueDate(@Nullable LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public @Nullable Integer getResponseDays() {
		return this.responseDays;
	}

	public void setResponseDays(@Nullable Integer responseDays) {
		this.responseDays = responseDays;
	}

	public @Nullable LocalDate getExpiresOn() {
		return this.expiresOn;
	}

	public void setExpiresOn(@Nullable LocalDate expiresOn) {
		this.expiresOn = expiresOn;
	}

	public @Nullable Long getParentId() {
		return this.parentId;
	}

	public void setParentId(@Nullable Long parentId) {
		this.parentId = parentId;
	}

	public boolean isSpecialTask() {
		return this.specialTask;
	}

	public void setSpecialTask(boolean specialTask) {
		this.specialTask = specialTask;
	}

	public boolean isNote() {
		return this.note;
	}

	public void setNote(boolean note) {
		this.note = note;
	}

	public boolean isRelaysParent() {
		return this.relaysParent;
	}

	public void setRelaysParent(boolean relaysParent) {
		this.relaysParent = relaysParent;
	}

	public boolean isRequiresRelay() {
		return this.requiresRelay;
	}

	public void setRequiresRelay(boolean requiresRelay) {
		this.requiresRelay = requiresRelay;
	}

	public List<String> getAssessmentYes() {
		return this.assessmentYes;
	}

	public void setAssessmentYes(List<String> assessmentYes) {
		this.assessmentYes = assessmentYes;
	}

}
