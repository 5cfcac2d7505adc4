package cn.jianfu.duties.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.platform.Bilingual;

/**
 * Reads a demand against its recipients' lists: which recipients it reaches outside their
 * list (its field has no admitted item, or the task it names is missing, needs approval
 * or is on the negative list), which it hands an item their township's list marks as
 * taken back, and which villages it asks for a certificate they may not issue.
 * <p>
 * A demand names its task with the detail {@value #ITEM} (an item's number or exact name)
 * and a certificate with {@value #CERTIFICATE}; without a task its {@code field} is read.
 * A recipient without a list is not judged, except for certificates, where its province's
 * preset applies.
 */
@Component
public class ListReading {

	/** The detail naming the task a demand asks for. */
	public static final String ITEM = "duties.item";

	/** The detail naming the certificate a demand asks a village for. */
	public static final String CERTIFICATE = "duties.certificate";

	private final DutyLists lists;

	private final CertificatePreset preset;

	private final Bilingual messages;

	ListReading(DutyLists lists, CertificatePreset preset, Bilingual messages) {
		this.lists = lists;
		this.preset = preset;
		this.messages = messages;
	}

	/**
	 * The last reading on this thread: the three list checks read the same snapshot one
	 * after another in one submission, so the lists are queried once, not three times.
	 */
	private final ThreadLocal<Reading> last = new ThreadLocal<>();

	/** Everything wrong with the demand for these recipients. */
	public List<Issue> read(DemandSnapshot demand, List<Unit> recipients) {
		Reading previous = this.last.get();
		if (previous != null && previous.demand() == demand && previous.recipients() == recipients) {
			return previous.issues();
		}
		List<Issue> issues = List.copyOf(readFresh(demand, recipients));
		this.last.set(new Reading(demand, recipients, issues));
		return issues;
	}

	private List<Issue> readFresh(DemandSnapshot demand, List<Unit> recipients) {
		String task = trimmed(demand.details().get(ITEM));
		String field = trimmed(demand.field());
		String certificate = trimmed(demand.details().get(CERTIFICATE));
		if (task == null && field == null && certificate == null) {
			return List.of();
		}
		Set<String> codes = new LinkedHashSet<>();
		for (Unit unit : recipients) {
			codes.add(unit.code());
			if (unit.level() == UnitLevel.VILLAGE) {
				codes.add(UnitLevel.TOWNSHIP.truncate(unit.code()));
			}
		}
		Map<String, DutyList> found = this.lists.forUnits(codes);
		List<Issue> issues = new ArrayList<>();
		for (Unit unit : recipients) {
			DutyList own = found.get(unit.code());
			if (task != null) {
				takenBack(unit, task, own, found).ifPresent(issues::add);
			}
			if (own != null && issues.stream().noneMatch(i -> i.unitCode().equals(unit.code()))) {
				offList(unit, own, task, field).ifPresent(issues::add);
			}
			if (certificate != null && unit.level() == UnitLevel.VILLAGE) {
				List<String> allowed = (own != null && !own.certificates().isEmpty()) ? own.certificates()
						: this.preset.forUnit(unit.code());
				if (!allowed.contains(certificate)) {
					issues.add(issue(Issue.Type.CERTIFICATE, unit, "duties.issue.certificate", certificate,
							allowed.isEmpty() ? "—" : String.join("、", allowed)));
				}
			}
		}
		return issues;
	}

	private Optional<Issue> takenBack(Unit unit, String task, @Nullable DutyList own, Map<String, DutyList> found) {
		DutyList township = (unit.level() == UnitLevel.TOWNSHIP) ? own
				: (unit.level() == UnitLevel.VILLAGE) ? found.get(UnitLevel.TOWNSHIP.truncate(unit.code())) : null;
		if (township == null || township.kind() != ListKind.DUTY) {
			return Optional.empty();
		}
		return township.item(task)
			.filter(i -> i.category() == Category.TAKEN_BACK)
			.map(i -> issue(Issue.Type.TAKEN_BACK, unit, "duties.issue.taken-back", i.itemCode(), i.name(),
					i.leadDepartment() == null ? "—" : i.leadDepartment()));
	}

	private Optional<Issue> offList(Unit unit, DutyList list, @Nullable String task, @Nullable String field) {
		if (task != null) {
			Optional<DutyItem> item = list.item(task);
			if (item.isEmpty()) {
				return Optional.of(issue(Issue.Type.OFF_LIST, unit, "duties.issue.task-missing", task));
			}
			return notAdmitted(unit, item.get());
		}
		if (field == null) {
			return Optional.empty();
		}
		List<DutyItem> inField = list.inField(field);
		if (inField.stream().anyMatch(i -> i.category().admits())) {
			return Optional.empty();
		}
		Optional<DutyItem> approval = inField.stream().filter(i -> i.category() == Category.NEEDS_APPROVAL).findFirst();
		if (approval.isPresent()) {
			return notAdmitted(unit, approval.get());
		}
		Optional<DutyItem> negative = inField.stream().filter(i -> i.category() == Category.NEGATIVE).findFirst();
		if (negative.isPresent()) {
			return notAdmitted(unit, negative.get());
		}
		return Optional.of(issue(Issue.Type.OFF_LIST, unit, "duties.issue.field-missing", field));
	}

	private Optional<Issue> notAdmitted(Unit unit, DutyItem item) {
		return switch (item.category()) {
			case BASIC, COORDINATION, ALLOWED -> Optional.empty();
			case NEEDS_APPROVAL -> Optional
				.of(issue(Issue.Type.OFF_LIST, unit, "duties.issue.needs-approval", item.itemCode(), item.name()));
			case NEGATIVE ->
				Optional.of(issue(Issue.Type.OFF_LIST, unit, "duties.issue.negative", item.itemCode(), item.name()));
			case TAKEN_BACK -> Optional.of(issue(Issue.Type.OFF_LIST, unit, "duties.issue.taken-back", item.itemCode(),
					item.name(), item.leadDepartment() == null ? "—" : item.leadDepartment()));
		};
	}

	private Issue issue(Issue.Type type, Unit unit, String key, Object... args) {
		Bilingual.Text text = this.messages.text(key, args);
		return new Issue(type, unit.code(), unit.name(), text.zh(), text.en());
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private record Reading(DemandSnapshot demand, List<Unit> recipients, List<Issue> issues) {
	}

	/**
	 * One recipient and what is wrong for it, in both languages (the entry missing, or
	 * the item that bars the demand).
	 */
	public record Issue(Type type, String unitCode, String unitName, String zh, String en) {

		/** Which check the issue belongs to. */
		public enum Type {

			OFF_LIST, TAKEN_BACK, CERTIFICATE

		}

	}

}
