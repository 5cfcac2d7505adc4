package cn.jianfu.inspections.internal;

/**
 * What kind of visit an item is: 督查 (supervision), 检查 (check), 考核 (assessment) or 调研
 * (research).
 */
public enum InspectionType {

	SUPERVISION, CHECK, ASSESSMENT, RESEARCH;

	public String messageKey() {
		return "inspections.type." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
