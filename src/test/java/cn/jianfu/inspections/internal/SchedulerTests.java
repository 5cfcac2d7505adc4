package cn.jianfu.inspections.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.jianfu.platform.WorkingCalendar;

/**
 * The scheduler's proposal respects the monthly cap per township, the cluster window and
 * working days, even for a plan that does not fit, and says what it could not place.
 */
class SchedulerTests {

	static final WorkingCalendar CALENDAR = new WorkingCalendar();

	static final String BACHUAN = "500151001000";

	static final String NANCHENG = "500151002000";

	static final String DONGCHENG = "500151003000";

	static PlanItem item(long id, String unit, String field, Set<Integer> months, List<String> targets) {
		return new PlanItem(id, 2026, unit, id, "单位" + id, "事项" + id, InspectionType.CHECK, false, Set.of(field),
				months, true, Set.of(), targets);
	}

	static void assertRespectsCaps(Scheduler.Proposal proposal) {
		Map<String, List<LocalDate>> byTownship = new HashMap<>();
		for (Scheduler.Visit v : proposal.visits()) {
			assertThat(CALENDAR.isWorkingDay(v.on())).as("working day " + v.on()).isTrue();
			byTownship.computeIfAbsent(v.township(), t -> new ArrayList<>()).add(v.on());
		}
		byTownship.forEach((township, days) -> {
			for (int m = 1; m <= 12; m++) {
				int month = m;
				assertThat(days.stream().filter(d -> d.getMonthValue() == month).count())
					.as(township + " in month " + m)
					.isLessThanOrEqualTo(proposal.caps().monthlyCap());
			}
			for (int i = 0; i < days.size(); i++) {
				for (int j = i + 1; j < days.size(); j++) {
					assertThat(Math.abs(ChronoUnit.DAYS.between(days.get(i), days.get(j))))
						.as(township + " " + days.get(i) + " and " + days.get(j))
						.isGreaterThanOrEqualTo(proposal.caps().clusterWindowDays());
				}
			}
		});
	}

	@Test
	void keepsEveryCapInACrowdedPlanAndReportsWhatDoesNotFit() {
		List<PlanItem> items = new ArrayList<>();
		for (long id = 1; id <= 12; id++) {
			items.add(item(id, "50015100000" + (id % 10), "领域" + id, Set.of(3, 4), List.of(BACHUAN, NANCHENG)));
		}
		Scheduler.Caps caps = new Scheduler.Caps(2, 10);
		Scheduler.Proposal proposal = new Scheduler(CALENDAR).propose(2026, items, List.of(), caps, List.of());
		assertRespectsCaps(proposal);
		// two townships × two months × two visits a month can be placed at most
		assertThat(proposal.visits()).hasSize(8);
		assertThat(proposal.unplaced()).hasSize(24 - 8);
		assertThat(proposal.unplaced()).allSatisfy(u -> assertThat(u.reason()).isEqualTo(Scheduler.Reason.CAP));
		assertThat(proposal.visits()).allSatisfy(v -> assertThat(v.on().getMonthValue()).isIn(3, 4));
	}

	@Test
	void reportsAClusterWhenTheWindowLeavesNoDayFree() {
		List<PlanItem> items = List.of(item(1, "500151000001", "a", Set.of(5), List.of(BACHUAN)),
				item(2, "500151000002", "b", Set.of(5), List.of(BACHUAN)),
				item(3, "500151000003", "c", Set.of(5), List.of(BACHUAN)));
		Scheduler.Proposal proposal = new Scheduler(CALENDAR).propose(2026, items, List.of(), new Scheduler.Caps(5, 20),
				List.of());
		assertRespectsCaps(proposal);
		assertThat(proposal.visits()).hasSize(2);
		assertThat(proposal.unplaced()).singleElement()
			.satisfies(u -> assertThat(u.reason()).isEqualTo(Scheduler.Reason.CLUSTER));
	}

	@Test
	void visitsMergedItemsTogetherOnceInTheMonthsTheyShare() {
		PlanItem education = item(1, "500151000001", "食品安全", Set.of(3, 4), List.of(BACHUAN, NANCHENG));
		PlanItem health = item(2, "500151000002", "食品安全", Set.of(4, 5), List.of(BACHUAN));
		List<MergeProposals.Pair> merges = MergeProposals.pairs(List.of(education, health), 50, 1);
		assertThat(merges).hasSize(1);
		Scheduler.Proposal proposal = new Scheduler(CALENDAR).propose(2026, List.of(education, health), merges,
				new Scheduler.Caps(2, 10), List.of());
		assertThat(proposal.visits()).hasSize(2)
			.allSatisfy(v -> assertThat(v.itemIds()).containsExactly(1L, 2L))
			.allSatisfy(v -> assertThat(v.on().getMonthValue()).isEqualTo(4));
	}

	@Test
	void spreadsVisitsAndSkipsRemoteItems() {
		List<PlanItem> items = new ArrayList<>();
		for (long id = 1; id <= 3; id++) {
			items.add(item(id, "50015100000" + id, "f" + id, Set.of(1, 2, 3, 4, 5, 6), List.of(DONGCHENG)));
		}
		items.add(new PlanItem(9, 2026, "500151000009", 9L, "单位9", "远程", InspectionType.RESEARCH, false, Set.of("x"),
				Set.of(1), false, Set.of(), List.of(DONGCHENG)));
		Scheduler.Proposal proposal = new Scheduler(CALENDAR).propose(2026, items, List.of(), new Scheduler.Caps(2, 10),
				List.of());
		assertThat(proposal.visits()).hasSize(3).noneMatch(v -> v.itemIds().contains(9L));
		assertThat(proposal.visits().stream().map(v -> v.on().getMonthValue()).distinct()).hasSize(3);
	}

	@Test
	void givesTheSameProposalForTheSamePlanAndKeepsCapsForRandomPlans() {
		Random random = new Random(20261126);
		String[] townships = { BACHUAN, NANCHENG, DONGCHENG, "500151004000", "500151101000" };
		for (int round = 0; round < 200; round++) {
			List<PlanItem> items = new ArrayList<>();
			int n = 1 + random.nextInt(30);
			for (long id = 1; id <= n; id++) {
				Set<Integer> months = new java.util.TreeSet<>();
				int count = 1 + random.nextInt(3);
				for (int k = 0; k < count; k++) {
					months.add(1 + random.nextInt(12));
				}
				List<String> targets = new ArrayList<>();
				for (String t : townships) {
					if (random.nextInt(3) == 0) {
						targets.add(t);
					}
				}
				if (targets.isEmpty()) {
					targets.add(townships[random.nextInt(townships.length)]);
				}
				items.add(item(id, "5001510000" + String.format("%02d", id % 7), "f" + random.nextInt(4), months,
						targets));
			}
			Scheduler.Caps caps = new Scheduler.Caps(1 + random.nextInt(3), 1 + random.nextInt(15));
			List<MergeProposals.Pair> merges = MergeProposals.pairs(items, 50, 1);
			Scheduler.Proposal first = new Scheduler(CALENDAR).propose(2026, items, merges, caps, List.of());
			Scheduler.Proposal again = new Scheduler(CALENDAR).propose(2026, List.copyOf(items), merges, caps,
					List.of());
			assertThat(again).isEqualTo(first);
			assertRespectsCaps(first);
		}
	}

}
