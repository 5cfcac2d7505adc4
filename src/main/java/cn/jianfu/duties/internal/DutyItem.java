package cn.jianfu.duties.internal;

import org.jspecify.annotations.Nullable;

/**
 * One item of a list: its number on the list, its name, category, field (领域), lead
 * department and legal basis.
 */
public record DutyItem(String itemCode, String name, Category category, @Nullable String field,
		@Nullable String leadDepartment, @Nullable String legalBasis) {

	/** Whether this item is the one a demand names: by its number or its exact name. */
	public boolean named(String task) {
		String t = task.strip();
		return this.itemCode.equals(t) || this.name.equals(t);
	}

}
