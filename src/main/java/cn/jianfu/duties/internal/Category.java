package cn.jianfu.duties.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an item stands on its list: for a township basic (基本履职), coordination (配合履职) or
 * taken back by an upper department (上级部门收回); for a village allowed (准入), needing
 * approval to enter (需审批准入) or on the negative list (负面清单).
 */
public enum Category {

	BASIC(ListKind.DUTY, "基本履职事项"), COORDINATION(ListKind.DUTY, "配合履职事项"), TAKEN_BACK(ListKind.DUTY, "上级部门收回事项"),
	ALLOWED(ListKind.ADMISSION, "准入事项"), NEEDS_APPROVAL(ListKind.ADMISSION, "需审批准入事项"),
	NEGATIVE(ListKind.ADMISSION, "负面清单事项");

	private final ListKind list;

	private final String label;

	Category(ListKind list, String label) {
		this.list = list;
		this.label = label;
	}

	public ListKind list() {
		return this.list;
	}

	/** The Chinese name used in the workbooks. */
	public String label() {
		return this.label;
	}

	/** Whether a demand in this item's field or naming it lies within the list. */
	public boolean admits() {
		return this == BASIC || this == COORDINATION || this == ALLOWED;
	}

	public String messageKey() {
		return "duties.category." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Reads a workbook cell: the Chinese name, its short form without 事项, or the English
	 * constant.
	 */
	public static Optional<Category> parse(ListKind list, String text) {
		String value = text.strip();
		return Arrays.stream(values())
			.filter(c -> c.list == list)
			.filter(c -> c.label.equals(value) || c.label.replace("事项", "").equals(value.replace("事项", ""))
					|| c.name().equalsIgnoreCase(value.replace('-', '_').replace(' ', '_')))
			.findFirst();
	}

}
