package cn.jianfu.duties.internal;

import java.util.List;
import java.util.Optional;

/**
 * A unit's list: a township's duty list, or a village's admission list with the
 * certificates it may issue.
 */
public record DutyList(String unitCode, ListKind kind, List<DutyItem> items, List<String> certificates) {

	public DutyList {
		items = List.copyOf(items);
		certificates = List.copyOf(certificates);
	}

	public Optional<DutyItem> item(String task) {
		return this.items.stream().filter(i -> i.named(task)).findFirst();
	}

	public List<DutyItem> inField(String field) {
		return this.items.stream().filter(i -> i.field() != null && i.field().equals(field.strip())).toList();
	}

	public long count(Category category) {
		return this.items.stream().filter(i -> i.category() == category).count();
	}

}
