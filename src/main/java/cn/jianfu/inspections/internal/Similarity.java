package cn.jianfu.inspections.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import cn.jianfu.org.UnitLevel;

/**
 * When two inspections are alike enough to merge (同类事项合并): they share targets (at least a
 * given share of the smaller one's townships), their planned months lie within a window
 * of each other, and they share a field.
 */
public final class Similarity {

	private Similarity() {
	}

	/** What two items are compared on. */
	public record Profile(Collection<String> targets, Collection<Integer> months, Collection<String> fields) {
	}

	public static boolean similar(Profile a, Profile b, int overlapPercent, int monthWindow) {
		return sameTargets(a.targets(), b.targets(), overlapPercent) && nearMonths(a.months(), b.months(), monthWindow)
				&& relatedFields(a.fields(), b.fields());
	}

	/**
	 * Shared townships (villages count as their township) make up at least
	 * {@code percent} of the smaller set.
	 */
	public static boolean sameTargets(Collection<String> a, Collection<String> b, int percent) {
		Set<String> ta = townships(a);
		Set<String> tb = townships(b);
		int smaller = Math.min(ta.size(), tb.size());
		if (smaller == 0) {
			return false;
		}
		Set<String> shared = new HashSet<>(ta);
		shared.retainAll(tb);
		return shared.size() * 100 >= percent * smaller;
	}

	public static boolean nearMonths(Collection<Integer> a, Collection<Integer> b, int window) {
		for (int x : a) {
			for (int y : b) {
				if (Math.abs(x - y) <= window) {
					return true;
				}
			}
		}
		return false;
	}

	public static boolean relatedFields(Collection<String> a, Collection<String> b) {
		Set<String> na = normalised(a);
		na.retainAll(normalised(b));
		return !na.isEmpty();
	}

	/**
	 * The township of each unit at township level or below; other units stay as they are.
	 */
	public static Set<String> townships(Collection<String> codes) {
		Set<String> townships = new TreeSet<>();
		for (String code : codes) {
			townships.add(township(code));
		}
		return townships;
	}

	public static String township(String code) {
		if (UnitLevel.isCode(code) && UnitLevel.ofCode(code).number() >= UnitLevel.TOWNSHIP.number()) {
			return UnitLevel.TOWNSHIP.truncate(code);
		}
		return code;
	}

	public static Set<String> normalised(Collection<String> fields) {
		Set<String> set = new HashSet<>();
		for (String f : fields) {
			String n = f.strip().toLowerCase(Locale.ROOT);
			if (!n.isEmpty()) {
				set.add(n);
			}
		}
		return set;
	}

}
