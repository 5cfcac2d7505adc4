package cn.jianfu.inspections.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.jianfu.org.UnitLevel;
import cn.jianfu.platform.WorkingCalendar;

/**
 * Proposes dates for the on-site visits of a year's plan: one visit per item (or per
 * merged group of items) and township, on a working day of a planned month, with no more
 * than the monthly cap of visits per township and no two visits to one township closer
 * than the cluster window. Among the days allowed it takes the one in the least loaded
 * month, farthest (up to a month) from the township's other visits, on the least busy day
 * of the jurisdiction, then the earliest; the most constrained visits are placed first.
 * The same plan always gives the same proposal.
 */
public final class Scheduler {

	/** The caps the proposal respects. */
	public record Caps(int monthlyCap, int clusterWindowDays) {

		public Caps {
			if (monthlyCap < 1 || clusterWindowDays < 1) {
				throw new IllegalArgumentException("caps must be positive");
			}
		}

	}

	/** A visit of one or several merged items to one township on one day. */
	public record Visit(List<Long> itemIds, String township, LocalDate on) {

		public Visit {
			itemIds = List.copyOf(itemIds);
		}

	}

	public enum Reason {

		CAP, CLUSTER, NO_DAYS;

		public String messageKey() {
			return "inspections.schedule.reason." + (this == NO_DAYS ? "no-days" : name().toLowerCase());
		}

	}

	/** A visit that could not be placed, and why. */
	public record Unplaced(List<Long> itemIds, String township, Set<Integer> months, Reason reason) {

		public Unplaced {
			itemIds = List.copyOf(itemIds);
			months = Set.copyOf(months);
		}

	}

	public record Proposal(int year, Caps caps, List<Visit> visits, List<Unplaced> unplaced) {

		public Proposal {
			visits = List.copyOf(visits);
			unplaced = List.copyOf(unplaced);
		}

	}

	private record Task(List<Long> itemIds, String township, Set<Integer> months) {
	}

	/**
	 * Beyond this many days from a township's other visits, distance no longer matters
	 * and the least busy day of the jurisdiction wins, so that one day does not collect
	 * all the visits.
	 */
	static final long SPREAD_DAYS = 31;

	private final WorkingCalendar calendar;

	public Scheduler(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * The proposal for the on-site items of the year, merging the given pairs, around the
	 * visits already fixed.
	 */
	public Proposal propose(int year, List<PlanItem> items, List<MergeProposals.Pair> merges, Caps caps,
			List<Visit> fixed) {
		List<Task> tasks = tasks(year, items, merges);
		Map<String, List<LocalDate>> byTownship = new HashMap<>();
		Map<LocalDate, Integer> byDay = new HashMap<>();
		for (Visit v : fixed) {
			byTownship.computeIfAbsent(v.township(), t -> new ArrayList<>()).add(v.on());
			byDay.merge(v.on(), 1, Integer::sum);
		}
		Map<Integer, List<LocalDate>> workingDays = new HashMap<>();
		for (int m = 1; m <= 12; m++) {
			List<LocalDate> days = new ArrayList<>();
			for (LocalDate d = LocalDate.of(year, m, 1); d.getMonthValue() == m; d = d.plusDays(1)) {
				if (this.calendar.isWorkingDay(d)) {
					days.add(d);
				}
			}
			workingDays.put(m, days);
		}
		List<Visit> visits = new ArrayList<>();
		List<Unplaced> unplaced = new ArrayList<>();
		for (Task task : tasks) {
			List<LocalDate> taken = byTownship.computeIfAbsent(task.township(), t -> new ArrayList<>());
			LocalDate best = null;
			long[] bestScore = null;
			boolean anyDay = false;
			boolean anyMonthFree = false;
			for (int month : task.months()) {
				int inMonth = (int) taken.stream().filter(d -> d.getMonthValue() == month).count();
				List<LocalDate> days = workingDays.get(month);
				anyDay |= !days.isEmpty();
				if (inMonth >= caps.monthlyCap() || days.isEmpty()) {
					continue;
				}
				anyMonthFree = true;
				for (LocalDate day : days) {
					long gap = SPREAD_DAYS;
					for (LocalDate other : taken) {
						gap = Math.min(gap, Math.abs(ChronoUnit.DAYS.between(other, day)));
					}
					if (gap < caps.clusterWindowDays()) {
						continue;
					}
					long[] score = { inMonth, -gap, byDay.getOrDefault(day, 0), day.toEpochDay() };
					if (bestScore == null || compare(score, bestScore) < 0) {
						bestScore = score;
						best = day;
					}
				}
			}
			if (best == null) {
				Reason reason = !anyDay ? Reason.NO_DAYS : anyMonthFree ? Reason.CLUSTER : Reason.CAP;
				unplaced.add(new Unplaced(task.itemIds(), task.township(), task.months(), reason));
				continue;
			}
			taken.add(best);
			byDay.merge(best, 1, Integer::sum);
			visits.add(new Visit(task.itemIds(), task.township(), best));
		}
		visits.sort(Comparator.comparing(Visit::on).thenComparing(Visit::township));
		return new Proposal(year, caps, visits, unplaced);
	}

	private static int compare(long[] a, long[] b) {
		for (int i = 0; i < a.length; i++) {
			int c = Long.compare(a[i], b[i]);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	/**
	 * One task per group of merged on-site items and township; groups take the months
	 * their members share, or all their months when they share none.
	 */
	private static List<Task> tasks(int year, List<PlanItem> items, List<MergeProposals.Pair> merges) {
		Map<Long, PlanItem> onSite = new LinkedHashMap<>();
		items.stream()
			.filter(i -> i.onSite() && i.year() == year)
			.sorted(Comparator.comparingLong(PlanItem::id))
			.forEach(i -> onSite.put(i.id(), i));
		Map<Long, Long> parent = new HashMap<>();
		onSite.keySet().forEach(id -> parent.put(id, id));
		for (MergeProposals.Pair pair : merges) {
			long a = pair.first().id();
			long b = pair.second().id();
			if (parent.containsKey(a) && parent.containsKey(b)) {
				long ra = root(parent, a);
				long rb = root(parent, b);
				parent.put(Math.max(ra, rb), Math.min(ra, rb));
			}
		}
		Map<Long, List<PlanItem>> groups = new LinkedHashMap<>();
		for (PlanItem item : onSite.values()) {
			groups.computeIfAbsent(root(parent, item.id()), r -> new ArrayList<>()).add(item);
		}
		List<Task> tasks = new ArrayList<>();
		for (List<PlanItem> group : groups.values()) {
			Set<Integer> shared = new TreeSet<>(group.get(0).months());
			Set<Integer> all = new TreeSet<>();
			Set<String> townships = new TreeSet<>();
			for (PlanItem item : group) {
				shared.retainAll(item.months());
				all.addAll(item.months());
				for (String target : item.targets()) {
					if (UnitLevel.isCode(target) && UnitLevel.ofCode(target).number() >= UnitLevel.TOWNSHIP.number()) {
						townships.add(UnitLevel.TOWNSHIP.truncate(target));
					}
				}
			}
			Set<Integer> months = shared.isEmpty() ? all : shared;
			List<Long> ids = group.stream().map(PlanItem::id).toList();
			for (String township : townships) {
				tasks.add(new Task(ids, township, months));
			}
		}
		tasks.sort(Comparator.<Task>comparingInt(t -> t.months().size())
			.thenComparing(t -> t.itemIds().get(0))
			.thenComparing(Task::township));
		return tasks;
	}

	private static long root(Map<Long, Long> parent, long id) {
		long r = id;
		while (parent.get(r) != r) {
			r = parent.get(r);
		}
		return r;
	}

}
