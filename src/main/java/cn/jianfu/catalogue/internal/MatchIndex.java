package cn.jianfu.catalogue.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Matching names against a catalogue held in memory: candidates come from an inverted
 * index of character bigrams of the canonical names (weighted by how rare each bigram
 * is), then each candidate is scored slot by slot. A slot that differs (户籍 vs 常住, 城镇 vs
 * 农村, 本月 vs 累计, 户数 vs 人数, 总量 vs 增速, 人 vs 万元) makes it a different concept; a slot said on
 * one side only makes it uncertain. The decision is {@code match} only for a
 * near-identical subject with every slot agreeing and no close rival, {@code new} when
 * nothing compatible is close, and {@code ask} otherwise.
 * <p>
 * Immutable once built; safe to share between threads.
 */
public final class MatchIndex {

	/** Candidates rescored per name. */
	static final int RETRIEVE = 20;

	/** Candidates returned per name. */
	static final int SHOW = 5;

	/**
	 * A bigram in more than 1/COMMON_SHARE of the indicators (and at least COMMON_MIN) is
	 * skipped for retrieval when the name has two rarer ones: it says little and costs
	 * most.
	 */
	static final int COMMON_SHARE = 50;

	static final int COMMON_MIN = 200;

	static final double MATCH_AT = 0.9;

	static final double ASK_AT = 0.6;

	static final double SOFT = 0.88;

	static final double HARD = 0.4;

	private final List<Entry> entries;

	private final Map<Integer, int[]> postings;

	private final float[] idf;

	private final Map<Integer, Integer> bigramIds;

	private final Map<String, List<Integer>> exact = new HashMap<>();

	/** One indicator as the index knows it. */
	public record Entry(String code, String name, @Nullable String unit) {
	}

	/** The decision for one name. */
	public enum Decision {

		MATCH, NEW, ASK;

		public String json() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** One candidate indicator with its score (0–1) and why. */
	public record Candidate(String code, String name, double score, String reason, String reasonEn,
			boolean sameConcept) {
	}

	/** What the index says about one name. */
	public record Result(String name, Decision decision, List<Candidate> candidates) {

		public @Nullable Candidate best() {
			return this.candidates.isEmpty() ? null : this.candidates.get(0);
		}

	}

	private final NameSlots[] slots;

	private final int[][] subjectGrams;

	private final Map<String, Integer> ids = new HashMap<>();

	public MatchIndex(Collection<Entry> entries) {
		this.entries = List.copyOf(entries);
		this.slots = new NameSlots[this.entries.size()];
		this.subjectGrams = new int[this.entries.size()][];
		Map<Integer, List<Integer>> lists = new HashMap<>();
		for (int i = 0; i < this.entries.size(); i++) {
			Entry entry = this.entries.get(i);
			this.slots[i] = NameSlots.parse(entry.name(), entry.unit());
			this.subjectGrams[i] = sortedGrams(this.slots[i].subject());
			this.ids.putIfAbsent(entry.code(), i);
			this.exact.computeIfAbsent(this.slots[i].canonical(), k -> new ArrayList<>()).add(i);
			for (int bigram : bigrams(this.slots[i].canonical())) {
				lists.computeIfAbsent(bigram, k -> new ArrayList<>()).add(i);
			}
		}
		this.postings = new HashMap<>(lists.size() * 2);
		this.bigramIds = new HashMap<>(lists.size() * 2);
		this.idf = new float[lists.size()];
		int next = 0;
		for (var list : lists.entrySet()) {
			this.postings.put(list.getKey(), list.getValue().stream().mapToInt(Integer::intValue).toArray());
			this.bigramIds.put(list.getKey(), next);
			this.idf[next++] = (float) Math.log(1 + (double) this.entries.size() / list.getValue().size());
		}
	}

	public int size() {
		return this.entries.size();
	}

	/** Matches every name; the results in the order of the names. */
	public List<Result> match(List<String> names) {
		float[] accumulator = new float[this.entries.size()];
		List<Result> results = new ArrayList<>(names.size());
		for (String name : names) {
			results.add(match(name, accumulator));
		}
		return results;
	}

	public Result match(String name) {
		return match(name, new float[this.entries.size()]);
	}

	private Result match(String name, float[] accumulator) {
		NameSlots query = NameSlots.parse(name, null);
		Set<Integer> ids = new HashSet<>(this.exact.getOrDefault(query.canonical(), List.of()));
		int[] touched = new int[64];
		int count = 0;
		Set<Integer> grams = bigrams(query.canonical());
		int common = Math.max(COMMON_MIN, this.entries.size() / COMMON_SHARE);
		int rare = 0;
		for (int bigram : grams) {
			int[] list = this.postings.get(bigram);
			if (list != null && list.length <= common) {
				rare++;
			}
		}
		for (int bigram : grams) {
			int[] list = this.postings.get(bigram);
			if (list == null || (rare >= 2 && list.length > common)) {
				continue;
			}
			float weight = this.idf[this.bigramIds.get(bigram)];
			for (int id : list) {
				if (accumulator[id] == 0) {
					if (count == touched.length) {
						touched = Arrays.copyOf(touched, count * 2);
					}
					touched[count++] = id;
				}
				accumulator[id] += weight;
			}
		}
		if (count > 0) {
			for (int id : top(touched, count, accumulator, RETRIEVE)) {
				ids.add(id);
			}
			for (int i = 0; i < count; i++) {
				accumulator[touched[i]] = 0;
			}
		}
		int[] queryGrams = sortedGrams(query.subject());
		List<Candidate> quick = new ArrayList<>(ids.size());
		for (int id : ids) {
			quick.add(score(query, queryGrams, id, null));
		}
		quick.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::code));
		Decision decision = decide(quick);
		List<Candidate> shown = new ArrayList<>(SHOW);
		for (Candidate c : quick.subList(0, Math.min(SHOW, quick.size()))) {
			shown.add(score(query, queryGrams, this.ids.get(c.code()), new Reasons()));
		}
		return new Result(name, decision, List.copyOf(shown));
	}

	/**
	 * The ids of the k highest accumulated weights among the touched ones, by a bounded
	 * min-heap (no sorting of every touched id).
	 */
	static int[] top(int[] touched, int count, float[] weights, int k) {
		int size = Math.min(k, count);
		int[] heap = new int[size];
		int filled = 0;
		for (int i = 0; i < count; i++) {
			int id = touched[i];
			if (filled < size) {
				heap[filled] = id;
				int c = filled++;
				while (c > 0 && weights[heap[(c - 1) / 2]] > weights[heap[c]]) {
					swap(heap, c, (c - 1) / 2);
					c = (c - 1) / 2;
				}
			}
			else if (weights[id] > weights[heap[0]]) {
				heap[0] = id;
				int c = 0;
				while (true) {
					int l = 2 * c + 1;
					int r = l + 1;
					int m = c;
					if (l < size && weights[heap[l]] < weights[heap[m]]) {
						m = l;
					}
					if (r < size && weights[heap[r]] < weights[heap[m]]) {
						m = r;
					}
					if (m == c) {
						break;
					}
					swap(heap, c, m);
					c = m;
				}
			}
		}
		return heap;
	}

	private static void swap(int[] a, int i, int j) {
		int t = a[i];
		a[i] = a[j];
		a[j] = t;
	}

	static Decision decide(List<Candidate> candidates) {
		List<Candidate> same = candidates.stream().filter(Candidate::sameConcept).toList();
		if (same.isEmpty() || same.get(0).score() < ASK_AT) {
			return Decision.NEW;
		}
		Candidate best = same.get(0);
		boolean rival = same.size() > 1 && same.get(1).score() >= best.score() - 0.03;
		if (best.score() >= MATCH_AT && !rival) {
			return Decision.MATCH;
		}
		return Decision.ASK;
	}

	private Candidate score(NameSlots query, int[] queryGrams, int id, @Nullable Reasons why) {
		NameSlots target = this.slots[id];
		Entry entry = this.entries.get(id);
		Reasons reasons = why == null ? Reasons.NONE : why;
		double subject = query.canonical().equals(target.canonical()) ? 1.0 : dice(queryGrams, this.subjectGrams[id]);
		if (why != null) {
			String similarity = String.format(java.util.Locale.ROOT, "%.2f", subject);
			reasons.add("主体相似度 " + similarity, "subject similarity " + similarity);
		}
		int soft = 0;
		int hard = 0;
		int[] r = compare("口径", "registration", query.registration(), target.registration(), reasons);
		soft += r[0];
		hard += r[1];
		r = compare("城乡", "area", query.area(), target.area(), reasons);
		soft += r[0];
		hard += r[1];
		r = statistic(query, target, reasons);
		soft += r[0];
		hard += r[1];
		r = time(query.time(), target.time(), reasons);
		soft += r[0];
		hard += r[1];
		if (query.unit() != null && target.unit() != null
				&& !Objects.equals(dimension(query.unit()), dimension(target.unit()))) {
			reasons.add("计量单位不同：" + query.unit() + "≠" + target.unit(),
					"units differ: " + query.unit() + " ≠ " + target.unit());
			hard++;
		}
		if (!query.consistent()) {
			reasons.add("名称与计量单位不一致：" + query.statistic() + "/" + query.unit(),
					"name and unit disagree: " + query.statistic() + "/" + query.unit());
			soft++;
		}
		double score = subject * Math.pow(SOFT, soft) * Math.pow(HARD, hard);
		if (hard == 0 && soft == 0) {
			reasons.add("各槽位一致", "all slots agree");
		}
		return new Candidate(entry.code(), entry.name(), Math.round(score * 1000) / 1000.0, reasons.zh(), reasons.en(),
				hard == 0);
	}

	/** Why a candidate scored as it did, in both languages; NONE records nothing. */
	static final class Reasons {

		static final Reasons NONE = new Reasons();

		private final List<String> zh = new ArrayList<>();

		private final List<String> en = new ArrayList<>();

		void add(String zh, String en) {
			if (this != NONE) {
				this.zh.add(zh);
				this.en.add(en);
			}
		}

		String zh() {
			return String.join("；", this.zh);
		}

		String en() {
			return String.join("; ", this.en);
		}

	}

	private static int[] compare(String labelZh, String labelEn, @Nullable String a, @Nullable String b,
			Reasons reasons) {
		if (Objects.equals(a, b)) {
			return new int[] { 0, 0 };
		}
		if (a != null && b != null) {
			reasons.add(labelZh + "不同：" + a + "≠" + b, labelEn + " differs: " + a + " ≠ " + b);
			return new int[] { 0, 1 };
		}
		reasons.add(labelZh + "仅一方注明：" + (a == null ? b : a),
				labelEn + " stated on one side only: " + (a == null ? b : a));
		return new int[] { 1, 0 };
	}

	private static int[] statistic(NameSlots q, NameSlots t, Reasons reasons) {
		String a = q.statistic() == null ? "数" : q.statistic();
		String b = t.statistic() == null ? "数" : t.statistic();
		if (a.equals(b) || Objects.equals(q.effectiveStatistic(), t.effectiveStatistic())) {
			return new int[] { 0, 0 };
		}
		String ea = q.effectiveStatistic() == null ? a : q.effectiveStatistic();
		String eb = t.effectiveStatistic() == null ? b : t.effectiveStatistic();
		if (ea.equals(eb)) {
			return new int[] { 0, 0 };
		}
		boolean generic = ea.equals("数") || eb.equals("数");
		Set<String> shapes = Set.of("增速", "比率");
		if (generic && !shapes.contains(ea) && !shapes.contains(eb)) {
			reasons.add("统计量不够明确：" + ea + "/" + eb, "statistic not specific: " + ea + "/" + eb);
			return new int[] { 1, 0 };
		}
		reasons.add("统计量不同：" + ea + "≠" + eb, "statistic differs: " + ea + " ≠ " + eb);
		return new int[] { 0, 1 };
	}

	private static int[] time(Set<String> a, Set<String> b, Reasons reasons) {
		if (a.equals(b)) {
			return new int[] { 0, 0 };
		}
		int soft = 0;
		int hard = 0;
		Set<String> onlyA = new HashSet<>(a);
		onlyA.removeAll(b);
		Set<String> onlyB = new HashSet<>(b);
		onlyB.removeAll(a);
		List<Set<String>> exclusive = List.of(Set.of("本月", "累计", "年末"), Set.of("同比", "环比"));
		for (Set<String> group : exclusive) {
			boolean inA = onlyA.stream().anyMatch(group::contains);
			boolean inB = onlyB.stream().anyMatch(group::contains);
			if (inA && inB) {
				hard++;
			}
			else if (inA || inB) {
				Set<String> one = inA ? onlyA : onlyB;
				if (!(one.size() == 1 && one.contains("年末"))) {
					soft++;
				}
			}
		}
		if (hard > 0) {
			reasons.add("时间口径不同：" + String.join("", a) + "≠" + String.join("", b),
					"time differs: " + String.join("", a) + " ≠ " + String.join("", b));
		}
		else if (soft > 0) {
			reasons.add("时间口径仅一方注明：" + String.join("", onlyA) + String.join("", onlyB),
					"time stated on one side only: " + String.join("", onlyA) + String.join("", onlyB));
		}
		return new int[] { soft, hard > 0 ? 1 : 0 };
	}

	private static String dimension(String unit) {
		return NameSlots.DIMENSIONS.getOrDefault(unit, unit);
	}

	/** Dice coefficient of two sorted gram arrays; 1 for two empty ones. */
	static double dice(int[] a, int[] b) {
		if (a.length == 0 && b.length == 0) {
			return 1.0;
		}
		int shared = 0;
		int x = 0;
		int y = 0;
		while (x < a.length && y < b.length) {
			if (a[x] == b[y]) {
				shared++;
				x++;
				y++;
			}
			else if (a[x] < b[y]) {
				x++;
			}
			else {
				y++;
			}
		}
		return 2.0 * shared / (a.length + b.length);
	}

	/**
	 * Dice coefficient over character bigrams (single characters for one-character text).
	 */
	static double dice(String a, String b) {
		return a.equals(b) ? 1.0 : dice(sortedGrams(a), sortedGrams(b));
	}

	static int[] sortedGrams(String text) {
		int[] grams = grams(text).stream().mapToInt(Integer::intValue).toArray();
		Arrays.sort(grams);
		return grams;
	}

	private static List<Integer> grams(String text) {
		int[] cps = text.codePoints().toArray();
		List<Integer> out = new ArrayList<>();
		if (cps.length == 1) {
			out.add(cps[0]);
			return out;
		}
		for (int i = 0; i + 1 < cps.length; i++) {
			out.add((cps[i] << 16) | (cps[i + 1] & 0xFFFF));
		}
		return out;
	}

	static Set<Integer> bigrams(String text) {
		return new HashSet<>(grams(text));
	}

}
