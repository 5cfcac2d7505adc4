package cn.jianfu.inspections.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs of plan items that should be merged: items of different issuers that are
 * {@link Similarity#similar similar}. The plan page shows them and the scheduler visits
 * each pair's townships once.
 */
public final class MergeProposals {

	private MergeProposals() {
	}

	/** Two items to merge, the lower id first. */
	public record Pair(PlanItem first, PlanItem second) {
	}

	public static List<Pair> pairs(List<PlanItem> items, int overlapPercent, int monthWindow) {
		List<PlanItem> sorted = items.stream().sorted(java.util.Comparator.comparingLong(PlanItem::id)).toList();
		int n = sorted.size();
		List<java.util.Set<String>> townships = new ArrayList<>(n);
		List<java.util.Set<String>> fields = new ArrayList<>(n);
		for (PlanItem item : sorted) {
			townships.add(Similarity.townships(item.targets()));
			fields.add(Similarity.normalised(item.fields()));
		}
		List<Pair> pairs = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				PlanItem a = sorted.get(i);
				PlanItem b = sorted.get(j);
				if (a.year() == b.year() && !a.sameIssuer(b.unitCode(), b.departmentId())
						&& Similarity.nearMonths(a.months(), b.months(), monthWindow)
						&& !java.util.Collections.disjoint(fields.get(i), fields.get(j))
						&& Similarity.sameTargets(townships.get(i), townships.get(j), overlapPercent)) {
					pairs.add(new Pair(a, b));
				}
			}
		}
		return pairs;
	}

}
