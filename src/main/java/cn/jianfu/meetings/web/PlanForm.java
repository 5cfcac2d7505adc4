package cn.jianfu.meetings.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.jianfu.meetings.internal.MeetingInvalid;
import cn.jianfu.meetings.internal.MeetingMode;
import cn.jianfu.meetings.internal.MeetingPlan;

/**
 * A new entry of the annual meeting plan, as the plan page posts it.
 */
public class PlanForm {

	private String year = "";

	private String month = "";

	private String field = "";

	private String title = "";

	private boolean comprehensive;

	private String mode = "VIDEO";

	public PlanForm() {
	}

	PlanForm(int year) {
		this.year = String.valueOf(year);
	}

	MeetingPlan.NewEntry entry() {
		List<MeetingInvalid.FieldError> errors = new ArrayList<>();
		Integer y = number(errors, "year", this.year);
		Integer m = number(errors, "month", this.month);
		if (!errors.isEmpty()) {
			throw new MeetingInvalid(errors);
		}
		return new MeetingPlan.NewEntry(y, m, this.field, this.title, this.comprehensive, MeetingMode.parse(this.mode));
	}

	private static @Nullable Integer number(List<MeetingInvalid.FieldError> errors, String field, String text) {
		if (text.isBlank()) {
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

	public String getYear() {
		return this.year;
	}

	public void setYear(@Nullable String year) {
		this.year = year == null ? "" : year;
	}

	public String getMonth() {
		return this.month;
	}

	public void setMonth(@Nullable String month) {
		this.month = month == null ? "" : month;
	}

	public String getField() {
		return this.field;
	}

	public void setField(@Nullable String field) {
		this.field = field == null ? "" : field;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title == null ? "" : title;
	}

	public boolean isComprehensive() {
		return this.comprehensive;
	}

	public void setComprehensive(boolean comprehensive) {
		this.comprehensive = comprehensive;
	}

	public String getMode() {
		return this.mode;
	}

	public void setMode(@Nullable String mode) {
		this.mode = mode == null ? "" : mode;
	}

}
