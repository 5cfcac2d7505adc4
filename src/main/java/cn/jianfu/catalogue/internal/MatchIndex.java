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

	/** The bigrams of the canonical names, each with its id into the arrays below. */
	private final GramIds gramIds;

	/**
	 * Per bigram id: the ids of the indicators whose canonical name has it, ascending.
	 */
	private final int[][] postings;

	/** Per bigram id: log(1 + N / postings length). */
	private final float[] idf;

	private final Map<String, int[]> exact = new HashMap<>();

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

	/** Per indicator: its time slot as bits of {@link NameSlots#TIMES}. */
	private final int[] timeMasks;

	private final Map<String, Integer> ids = new HashMap<>();

	/**
	 * Builds the index once: slots of every name parsed, subject bigrams sorted, and the
	 * postings of each canonical bigram as a primitive array, so that matching a name
	 * allocates nothing in proportion to the catalogue.
	 */
	public MatchIndex(Collection<Entry> entries) {
		this.entries = List.copyOf(entries);
		int n = this.entries.size();
		this.slots = new NameSlots[n];
		this.subjectGrams = new int[n][];
		this.timeMasks = new int[n];
		int[][] canonicalGrams = new int[n][];
		this.gramIds = new GramIds(Math.max(16, n * 4));
		int[] lengths = new int[16];
		Map<String, List<Integer>> exact = new HashMap<>();
		for (int i = 0; i < n; i++) {
			Entry entry = this.entries.get(i);
			this.slots[i] = NameSlots.parse(entry.name(), entry.unit());
			this.subjectGrams[i] = sortedGrams(this.slots[i].subject());
			this.timeMasks[i] = timeMask(this.slots[i].time());
			this.ids.putIfAbsent(entry.code(), i);
			exact.computeIfAbsent(this.slots[i].canonical(), k -> new ArrayList<>()).add(i);
			int[] grams = uniqueGrams(this.slots[i].canonical());
			for (int g = 0; g < grams.length; g++) {
				int id = this.gramIds.idOrAdd(grams[g]);
				if (id == lengths.length) {
					lengths = Arrays.copyOf(lengths, id * 2);
				}
				lengths[id]++;
				grams[g] = id;
			}
			canonicalGrams[i] = grams;
		}
		int distinct = this.gramIds.size();
		this.postings = new int[distinct][];
		this.idf = new float[distinct];
		for (int g = 0; g < distinct; g++) {
			this.postings[g] = new int[lengths[g]];
			this.idf[g] = (float) Math.log(1 + (double) n / lengths[g]);
		}
		int[] filled = new int[distinct];
		for (int i = 0; i < n; i++) {
			for (int g : canonicalGrams[i]) {
				this.postings[g][filled[g]++] = i;
			}
		}
		exact.forEach(
				(canonical, list) -> this.exact.put(canonical, list.stream().mapToInt(Integer::intValue).toArray()));
	}

	public int size() {
		return this.entries.size();
	}

	/** Matches every name; the results in the order of the names. */
	public List<Result> match(List<String> names) {
		Scratch scratch = new Scratch(this.entries.size());
		List<Result> results = new ArrayList<>(names.size());
		for (String name : names) {
			results.add(match(name, scratch));
		}
		return results;
	}

	public Result match(String name) {
		return match(name, new Scratch(this.entries.size()));
	}

	/**
	 * What one batch of names reuses: the per-indicator accumulator (reset after each
	 * name by walking only the touched ids) and the touched list.
	 */
	private static final class Scratch {

		final float[] accumulator;

		int[] touched = new int[256];

		Scratch(int size) {
			this.accumulator = new float[size];
		}

	}

	private Result match(String name, Scratch scratch) {
		NameSlots query = NameSlots.parse(name, null);
		float[] accumulator = scratch.accumulator;
		int[] touched = scratch.touched;
		int count = 0;
		int[] grams = uniqueGrams(query.canonical());
		int common = Math.max(COMMON_MIN, this.entries.size() / COMMON_SHARE);
		int rare = 0;
		for (int g = 0; g < grams.length; g++) {
			grams[g] = this.gramIds.id(grams[g]);
			if (grams[g] >= 0 && this.postings[grams[g]].length <= common) {
				rare++;
			}
		}
		for (int gram : grams) {
			if (gram < 0) {
				continue;
			}
			int[] list = this.postings[gram];
			if (rare >= 2 && list.length > common) {
				continue;
			}
			float weight = this.idf[gram];
			for (int id : list) {
				if (accumulator[id] == 0) {
					if (count == touched.length) {
						touched = Arrays.copyOf(touched, count * 2);
						scratch.touched = touched;
					}
					touched[count++] = id;
				}
				accumulator[id] += weight;
			}
		}
		int[] exactIds = this.exact.getOrDefault(query.canonical(), NO_IDS);
		int[] top = count > 0 ? top(touched, count, accumulator, RETRIEVE) : NO_IDS;
		for (int i = 0; i < count; i++) {
			accumulator[touched[i]] = 0;
		}
		int[] candidates = Arrays.copyOf(exactIds, exactIds.length + top.length);
		int size = exactIds.length;
		for (int id : top) {
			if (!contains(candidates, size, id)) {
				candidates[size++] = id;
			}
		}
		int[] queryGrams = sortedGrams(query.subject());
		int queryTime = timeMask(query.time());
		List<Candidate> quick = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			quick.add(score(query, queryGrams, queryTime, candidates[i], null));
		}
		quick.sort(BEST_FIRST);
		Decision decision = decide(quick);
		List<Candidate> shown = new ArrayList<>(SHOW);
		for (Candidate c : quick.subList(0, Math.min(SHOW, quick.size()))) {
			shown.add(score(query, queryGrams, queryTime, this.ids.get(c.code()), new Reasons()));
		}
		return new Result(name, decision, List.copyOf(shown));
	}

	private static final int[] NO_IDS = new int[0];

	private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
		.reversed()
		.thenComparing(Candidate::code);

	private static boolean contains(int[] ids, int size, int id) {
		for (int i = 0; i < size; i++) {
			if (ids[i] == id) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An open-addressing map from a bigram (two UTF-16 units packed in an int) to a dense
	 * id, with no boxing.
	 */
	static final class GramIds {

		private int[] keys;

		private int[] values;

		private int size;

		GramIds(int expected) {
			int capacity = Integer.highestOneBit(Math.max(16, expected) * 2);
			this.keys = new int[capacity];
			this.values = new int[capacity];
			Arrays.fill(this.values, -1);
		}

		int size() {
			return this.size;
		}

		/** The id of a bigram, or −1. */
		int id(int gram) {
			int mask = this.keys.length - 1;
			for (int slot = mix(gram) & mask;; slot = (slot + 1) & mask) {
				if (this.values[slot] < 0) {
					return -1;
				}
				if (this.keys[slot] == gram) {
					return this.values[slot];
				}
			}
		}

		int idOrAdd(int gram) {
			int id = id(gram);
			if (id >= 0) {
				return id;
			}
			if ((this.size + 1) * 2 > this.keys.length) {
				grow();
			}
			put(gram, this.size);
			return this.size++;
		}

		private void put(int gram, int id) {
			int mask = this.keys.length - 1;
			int slot = mix(gram) & mask;
			while (this.values[slot] >= 0) {
				slot = (slot + 1) & mask;
			}
			this.keys[slot] = gram;
			this.values[slot] = id;
		}

		private void grow() {
			int[] oldKeys = this.keys;
			int[] oldValues = this.values;
			this.keys = new int[oldKeys.length * 2];
			this.values = new int[oldKeys.length * 2];
			Arrays.fill(this.values, -1);
			for (int i = 0; i < oldKeys.length; i++) {
				if (oldValues[i] >= 0) {
					put(oldKeys[i], oldValues[i]);
				}
			}
		}

		private static int mix(int key) {
			int h = key * 0x9E3779B9;
			return h ^ (h >>> 16);
		}

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

	private Candidate score(NameSlots query, int[] queryGrams, int queryTime, int id, @Nullable Reasons why) {
		NameSlots target = this.slots[id];
		Entry entry = this.entries.get(id);
		Reasons reasons = why == null ? Reasons.NONE : why;
		double subject = query.canonical().equals(target.canonical()) ? 1.0 : dice(queryGrams, this.subjectGrams[id]);
		if (why != null) {
			String similarity = twoDecimals(subject);
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
		r = why == null ? timeCounts(queryTime, this.timeMasks[id]) : time(query.time(), target.time(), reasons);
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
		if (generic && !SHAPES.contains(ea) && !SHAPES.contains(eb)) {
			reasons.add("统计量不够明确：" + ea + "/" + eb, "statistic not specific: " + ea + "/" + eb);
			return new int[] { 1, 0 };
		}
		reasons.add("统计量不同：" + ea + "≠" + eb, "statistic differs: " + ea + " ≠ " + eb);
		return new int[] { 0, 1 };
	}

	private static final Set<String> SHAPES = Set.of("增速", "比率");

	/** Bits of {@link NameSlots#TIMES} for 本月, 累计, 年末 (one excludes another). */
	private static final int POINT_IN_TIME = 0b00111;

	/** Bits of 同比, 环比. */
	private static final int COMPARISON = 0b11000;

	private static final int YEAR_END = 0b00100;

	/** The time slot as bits of {@link NameSlots#TIMES}. */
	static int timeMask(Set<String> time) {
		int mask = 0;
		for (int i = 0; i < NameSlots.TIMES.size(); i++) {
			if (time.contains(NameSlots.TIMES.get(i))) {
				mask |= 1 << i;
			}
		}
		return mask;
	}

	/**
	 * Soft and hard differences of two time slots given as bits: within each exclusive
	 * group (本月/累计/年末, 同比/环比) a value on both sides that differs is hard, a value on one
	 * side only is soft (except 年末 alone, which a stock figure implies).
	 */
	static int[] timeCounts(int a, int b) {
		int onlyA = a & ~b;
		int onlyB = b & ~a;
		int soft = 0;
		int hard = 0;
		for (int group : new int[] { POINT_IN_TIME, COMPARISON }) {
			boolean inA = (onlyA & group) != 0;
			boolean inB = (onlyB & group) != 0;
			if (inA && inB) {
				hard++;
			}
			else if ((inA || inB) && (inA ? onlyA : onlyB) != YEAR_END) {
				soft++;
			}
		}
		return new int[] { soft, hard > 0 ? 1 : 0 };
	}

	static int[] time(Set<String> a, Set<String> b, Reasons reasons) {
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

	/**
	 * {@code %.2f} of a number in 0–1 without a Formatter (which costs more than the
	 * scoring).
	 */
	static String twoDecimals(double value) {
		long hundredths = Math.round(value * 100);
		long tail = hundredths % 100;
		return (hundredths / 100) + (tail < 10 ? ".0" : ".") + tail;
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

	/**
	 * The character bigrams of a text (two code points packed in an int), sorted; the
	 * single character of a one-character text.
	 */
	static int[] sortedGrams(String text) {
		int[] cps = text.codePoints().toArray();
		if (cps.length == 1) {
			return cps;
		}
		int[] grams = new int[Math.max(0, cps.length - 1)];
		for (int i = 0; i + 1 < cps.length; i++) {
			grams[i] = (cps[i] << 16) | (cps[i + 1] & 0xFFFF);
		}
		Arrays.sort(grams);
		return grams;
	}

	/** The distinct grams of a text, ascending. */
	static int[] uniqueGrams(String text) {
		int[] grams = sortedGrams(text);
		int unique = 0;
		for (int i = 0; i < grams.length; i++) {
			if (unique == 0 || grams[unique - 1] != grams[i]) {
				grams[unique++] = grams[i];
			}
		}
		return unique == grams.length ? grams : Arrays.copyOf(grams, unique);
	}

}
