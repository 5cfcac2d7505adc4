package cn.jianfu.feedback.internal;

import java.util.Locale;

/** What a report is about: the kinds of burden the platform governs. */
public enum Category {

	DOCUMENTS, MEETINGS, DATA, INSPECTIONS, APPS, OTHER;

	public String messageKey() {
		return "report.category." + name().toLowerCase(Locale.ROOT);
	}

}
