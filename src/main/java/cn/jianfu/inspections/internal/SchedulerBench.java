package cn.jianfu.inspections.internal;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.jianfu.platform.BenchSuite;
import cn.jianfu.platform.WorkingCalendar;

/**
 * {@code bench inspections}: the scheduler on a synthetic county plan (seeded, so every
 * run sees the same plan), against a naive baseline that puts each visit on the first
 * working day of its first planned month, as plans are often drawn up. Prints the median
 * time of each, their ratio, and how many township-months over the cap and clusters each
 * leaves.
 */
@Component
class SchedulerBench implements BenchSuite {

	private final WorkingCalendar calendar;

	SchedulerBench(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public String name() {
		return "inspections";
	}

	@Override
	public String description() {
		return "inspection scheduler on a synthetic plan vs a naive first-day plan (--items 300 --townships 38"
				+ " --rounds 7)";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		Map<String, Integer> o = BenchSuite.options(args, Map.of("--items", 300, "--townships", 38, "--rounds", 7));
		int year = 2026;
		List<PlanItem> items = plan(o.get("--items"), Math.max(1, o.get("--townships")), year);
		Scheduler.Caps caps = new Scheduler.Caps(2, 10);
		List<MergeProposals.Pair> merges = MergeProposals.pairs(items, 50, 1);
		int rounds = Math.max(1, o.get("--rounds"));
		double[] scheduled = new double[rounds];
		double[] naive = new double[rounds];
		double[] merging = new double[rounds];
		Scheduler.Proposal proposal = null;
		List<Scheduler.Visit> naivePlan = List.of();
		for (int r = 0; r < rounds; r++) {
			long t0 = System.nanoTime();
			naivePlan = naive(items, year);
			long t1 = System.nanoTime();
			List<MergeProposals.Pair> pairs = MergeProposals.pairs(items, 50, 1);
			long tm = System.nanoTime();
			proposal = new Scheduler(this.calendar).propose(year, items, pairs, caps, List.of());
			long t2 = System.nanoTime();
			merging[r] = (tm - t1) / 1e6;
			naive[r] = (t1 - t0) / 1e6;
			scheduled[r] = (t2 - t1) / 1e6;
		}
		double medianScheduled = BenchSuite.percentile(scheduled, 50);
		double medianNaive = BenchSuite.percentile(naive, 50);
		out.printf("plan: %d items (%d on site), %d townships, %d merge pairs; cap %d a month, window %d days%n",
				items.size(), items.stream().filter(PlanItem::onSite).count(), o.get("--townships"), merges.size(),
				caps.monthlyCap(), caps.clusterWindowDays());
		out.printf("naive first-day plan: median %.2f ms; %d visits; %d township-months over the cap; %d clusters%n",
				medianNaive, naivePlan.size(), overCap(naivePlan, caps), clusters(naivePlan, caps));
		out.printf("merge proposals: median %.2f ms (included below)%n", BenchSuite.percentile(merging, 50));
		out.printf(
				"scheduler with merge proposals: median %.2f ms (%.1f× the naive plan); %d visits placed, %d not placed;"
						+ " %d township-months over the cap; %d clusters%n",
				medianScheduled, medianScheduled / Math.max(medianNaive, 1e-6), proposal.visits().size(),
				proposal.unplaced().size(), overCap(proposal.visits(), caps), clusters(proposal.visits(), caps));
		return 0;
	}

	static List<PlanItem> plan(int count, int townships, int year) {
		Random random = new Random(7);
		List<String> codes = new ArrayList<>();
		for (int t = 0; t < townships; t++) {
			codes.add("5001510" + String.format("%02d", t % 100) + "000");
		}
		String[] fields = { "民政", "养老", "应急", "生态环境", "农业农村", "统计", "卫生健康", "教育", "市场监管", "住房城乡建设" };
		List<PlanItem> items = new ArrayList<>();
		for (long id = 1; id <= count; id++) {
			Set<Integer> months = new TreeSet<>();
			int first = 1 + random.nextInt(11);
			months.add(first);
			if (random.nextBoolean()) {
				months.add(first + 1);
			}
			List<String> targets = new ArrayList<>();
			int n = 1 + random.nextInt(Math.max(1, townships / 3));
			for (int k = 0; k < n; k++) {
				String code = codes.get(random.nextInt(codes.size()));
				if (!targets.contains(code)) {
					targets.add(code);
				}
			}
			items.add(new PlanItem(id, year, "500151000000", id % 40, "部门" + (id % 40), "事项" + id,
					InspectionType.values()[random.nextInt(4)], false, Set.of(fields[random.nextInt(fields.length)]),
					months, random.nextInt(5) != 0, Set.of(), targets));
		}
		return items;
	}

	private List<Scheduler.Visit> naive(List<PlanItem> items, int year) {
		List<Scheduler.Visit> visits = new ArrayList<>();
		for (PlanItem item : items) {
			if (!item.onSite()) {
				continue;
			}
			LocalDate day = LocalDate.of(year, item.months().iterator().next(), 1);
			while (!this.calendar.isWorkingDay(day)) {
				day = day.plusDays(1);
			}
			for (String township : new TreeSet<>(item.targets())) {
				visits.add(new Scheduler.Visit(List.of(item.id()), township, day));
			}
		}
		return visits;
	}

	static long overCap(List<Scheduler.Visit> visits, Scheduler.Caps caps) {
		Map<String, Integer> perMonth = new HashMap<>();
		for (Scheduler.Visit v : visits) {
			perMonth.merge(v.township() + "/" + v.on().getMonthValue(), 1, Integer::sum);
		}
		return perMonth.values().stream().filter(n -> n > caps.monthlyCap()).count();
	}

	static long clusters(List<Scheduler.Visit> visits, Scheduler.Caps caps) {
		Map<String, List<LocalDate>> byTownship = new HashMap<>();
		visits.forEach(v -> byTownship.computeIfAbsent(v.township(), t -> new ArrayList<>()).add(v.on()));
		long pairs = 0;
		for (List<LocalDate> days : byTownship.values()) {
			for (int i = 0; i < days.size(); i++) {
				for (int j = i + 1; j < days.size(); j++) {
					if (Math.abs(ChronoUnit.DAYS.between(days.get(i), days.get(j))) < caps.clusterWindowDays()) {
						pairs++;
					}
				}
			}
		}
		return pairs;
	}

}
