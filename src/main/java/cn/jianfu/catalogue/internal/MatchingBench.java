package cn.jianfu.catalogue.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import cn.jianfu.catalogue.internal.MatchIndex.Decision;
import cn.jianfu.platform.BenchSuite;

/**
 * The {@code bench matching} suite: the labelled names of
 * {@code catalogue/bench-matching.tsv} (paraphrases of demo indicators, hard negatives
 * that differ from an indicator in the catalogue by one slot, and unrelated new names)
 * matched against the demo catalogue less its held-out indicators; prints the precision
 * of the decisions that were not {@code ask}, the abstention rate, and the latency of
 * matching a 300-field form against a synthetic 50,000-indicator catalogue; the same
 * figures for plain character-bigram similarity with a threshold, the naive baseline, in
 * the same run. Needs no database.
 */
@Component
class MatchingBench implements BenchSuite {

	static final String LABELS = "catalogue/bench-matching.tsv";

	/** Untimed runs first, so that the JIT has compiled the matcher. */
	static final int WARM_UP = 5;

	@Override
	public String name() {
		return "matching";
	}

	@Override
	public String description() {
		return "precision, abstention and latency of matching field names to the catalogue, against a bigram"
				+ " baseline [--catalogue N (50000) --fields N (300) --rounds N (10) --threshold PERCENT (75)]";
	}

	record Label(String query, String expected, String category) {
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		Map<String, Integer> options = BenchSuite.options(args,
				Map.of("--catalogue", 50_000, "--fields", 300, "--rounds", 10, "--threshold", 75));
		double threshold = options.get("--threshold") / 100.0;
		List<Indicator> demo;
		try {
			demo = CatalogueDemoData.load();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Set<String> heldOut = new HashSet<>();
		List<Label> labels = labels(heldOut);
		List<MatchIndex.Entry> entries = demo.stream()
			.filter(i -> !heldOut.contains(i.code()))
			.map(i -> new MatchIndex.Entry(i.code(), i.name(), i.unitOfMeasure()))
			.toList();
		out.printf(Locale.ROOT, "bench matching: %d labelled names (%s) against %d indicators (%d held out)%n",
				labels.size(), categories(labels), entries.size(), heldOut.size());

		MatchIndex index = new MatchIndex(entries);
		List<MatchIndex.Result> results = index.match(labels.stream().map(Label::query).toList());
		Tally slots = new Tally();
		for (int i = 0; i < labels.size(); i++) {
			MatchIndex.Result r = results.get(i);
			slots.add(labels.get(i), r.decision(), r.best() == null ? null : r.best().code());
		}
		Bigram baseline = new Bigram(entries);
		Tally naive = new Tally();
		for (Label label : labels) {
			Bigram.Hit hit = baseline.best(label.query());
			boolean match = hit.score() >= threshold;
			naive.add(label, match ? Decision.MATCH : Decision.NEW, match ? hit.code() : null);
		}
		out.println();
		out.println("accuracy                          slots+synonyms   bigram≥" + options.get("--threshold") + "%");
		out.printf(Locale.ROOT, "precision when not abstaining     %14.3f   %14.3f   (target ≥ 0.95)%n",
				slots.precision(), naive.precision());
		out.printf(Locale.ROOT, "precision of match decisions      %14.3f   %14.3f%n", slots.matchPrecision(),
				naive.matchPrecision());
		out.printf(Locale.ROOT, "abstention rate (ask)             %14.3f   %14.3f   (target ≤ 0.20)%n",
				slots.abstention(), naive.abstention());
		out.printf(Locale.ROOT, "hard negatives wrongly matched    %14d   %14d   of %d%n", slots.hardWrong,
				naive.hardWrong, slots.hard);
		out.printf(Locale.ROOT, "paraphrases matched correctly     %14d   %14d   of %d%n", slots.paraRight,
				naive.paraRight, slots.para);
		for (String error : slots.errors.subList(0, Math.min(12, slots.errors.size()))) {
			out.println("  wrong: " + error);
		}

		int size = options.get("--catalogue");
		List<MatchIndex.Entry> large = synthetic(demo, size);
		List<String> form = new ArrayList<>();
		for (int i = 0; form.size() < options.get("--fields"); i++) {
			form.add(labels.get(i % labels.size()).query());
		}
		long start = System.nanoTime();
		MatchIndex big = new MatchIndex(large);
		double build = (System.nanoTime() - start) / 1e6;
		Bigram bigBaseline = new Bigram(large);
		int rounds = Math.max(1, options.get("--rounds"));
		double[] slotTimes = new double[rounds];
		double[] naiveTimes = new double[Math.max(1, Math.min(3, rounds))];
		for (int warm = 0; warm < WARM_UP; warm++) {
			big.match(form);
		}
		for (int r = 0; r < rounds; r++) {
			long t = System.nanoTime();
			big.match(form);
			slotTimes[r] = (System.nanoTime() - t) / 1e6;
		}
		for (int r = 0; r < naiveTimes.length; r++) {
			long t = System.nanoTime();
			for (String field : form) {
				bigBaseline.best(field);
			}
			naiveTimes[r] = (System.nanoTime() - t) / 1e6;
		}
		double slotMedian = BenchSuite.percentile(slotTimes, 50);
		double naiveMedian = BenchSuite.percentile(naiveTimes, 50);
		out.println();
		out.printf(Locale.ROOT, "latency: a %d-field form against %d indicators (index built in %.0f ms)%n",
				form.size(), large.size(), build);
		out.printf(Locale.ROOT, "  slots+synonyms (n-gram index)  median %8.1f ms of %d runs   (target ≤ 100 ms)%n",
				slotMedian, rounds);
		out.printf(Locale.ROOT, "  bigram baseline (full scan)    median %8.1f ms of %d runs   (%.1f× the index)%n",
				naiveMedian, naiveTimes.length, naiveMedian / slotMedian);
		return 0;
	}

	static List<Label> labels(Set<String> heldOut) {
		List<Label> labels = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(LABELS).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("#held-out\t")) {
					heldOut.addAll(Arrays.asList(line.substring("#held-out\t".length()).split(",")));
				}
				else if (!line.isBlank() && !line.startsWith("#")) {
					String[] f = line.split("\t");
					labels.add(new Label(f[0], f[1], f[2]));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return labels;
	}

	private static String categories(List<Label> labels) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		labels.forEach(l -> counts.merge(l.category(), 1L, Long::sum));
		return counts.toString();
	}

	/**
	 * A catalogue of the wanted size: the demo indicators, then qualified variants of
	 * them (女性…, 新增…) with synthetic codes.
	 */
	static List<MatchIndex.Entry> synthetic(List<Indicator> demo, int size) {
		String[] first = { "女性", "男性", "少数民族", "外来", "新增", "在册", "登记", "实有", "困难", "残疾", "退役", "青年", "重点", "特殊", "流动",
				"留守", "老年", "学龄", "低收入", "监测" };
		String[] second = { "", "企业", "家庭", "学生", "职工", "农民工", "妇女", "儿童", "党员", "志愿者", "个体户", "网格", "村民", "居民", "商户",
				"单位", "园区", "景区", "学校", "医院" };
		List<MatchIndex.Entry> all = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		for (Indicator i : demo) {
			if (all.size() < size && names.add(i.name())) {
				all.add(new MatchIndex.Entry(i.code(), i.name(), i.unitOfMeasure()));
			}
		}
		int n = 0;
		outer: for (String b : second) {
			for (String a : first) {
				for (Indicator i : demo) {
					if (all.size() >= size) {
						break outer;
					}
					String name = a + b + i.name();
					if (names.add(name)) {
						all.add(new MatchIndex.Entry("SYN-" + (++n), name, i.unitOfMeasure()));
					}
				}
			}
		}
		for (int k = 0; all.size() < size; k++) {
			Indicator i = demo.get(k % demo.size());
			all.add(new MatchIndex.Entry("SYN-" + (++n), "第" + k + "类" + i.name(), i.unitOfMeasure()));
		}
		return all;
	}

	/** Counts of one method's decisions against the labels. */
	static final class Tally {

		int total;

		int abstained;

		int decided;

		int right;

		int matches;

		int matchesRight;

		int hard;

		int hardWrong;

		int para;

		int paraRight;

		final List<String> errors = new ArrayList<>();

		void add(Label label, Decision decision, @org.jspecify.annotations.Nullable String code) {
			this.total++;
			boolean isNew = label.expected().equals("-");
			if (label.category().equals("hard-negative")) {
				this.hard++;
				if (decision == Decision.MATCH) {
					this.hardWrong++;
				}
			}
			if (label.category().equals("paraphrase")) {
				this.para++;
				if (decision == Decision.MATCH && label.expected().equals(code)) {
					this.paraRight++;
				}
			}
			if (decision == Decision.ASK) {
				this.abstained++;
				return;
			}
			this.decided++;
			boolean ok = decision == Decision.MATCH ? label.expected().equals(code) : isNew;
			if (decision == Decision.MATCH) {
				this.matches++;
				if (ok) {
					this.matchesRight++;
				}
			}
			if (ok) {
				this.right++;
			}
			else {
				this.errors.add(label.query() + " → " + decision.json() + (code == null ? "" : " " + code)
						+ ", expected " + label.expected());
			}
		}

		double precision() {
			return this.decided == 0 ? Double.NaN : (double) this.right / this.decided;
		}

		double matchPrecision() {
			return this.matches == 0 ? Double.NaN : (double) this.matchesRight / this.matches;
		}

		double abstention() {
			return (double) this.abstained / this.total;
		}

	}

	/**
	 * The naive baseline: Dice over character bigrams of the plainly folded names
	 * (full-width folded, spaces removed; no synonyms, no slots), scanning every
	 * indicator.
	 */
	static final class Bigram {

		private final List<MatchIndex.Entry> entries;

		private final int[][] grams;

		Bigram(List<MatchIndex.Entry> entries) {
			this.entries = entries;
			this.grams = new int[entries.size()][];
			for (int i = 0; i < entries.size(); i++) {
				this.grams[i] = sorted(NameSlots.fold(entries.get(i).name()));
			}
		}

		record Hit(String code, double score) {
		}

		Hit best(String name) {
			int[] q = sorted(NameSlots.fold(name));
			double best = -1;
			int at = 0;
			for (int i = 0; i < this.grams.length; i++) {
				int[] g = this.grams[i];
				int shared = 0;
				int x = 0;
				int y = 0;
				while (x < q.length && y < g.length) {
					if (q[x] == g[y]) {
						shared++;
						x++;
						y++;
					}
					else if (q[x] < g[y]) {
						x++;
					}
					else {
						y++;
					}
				}
				double score = q.length + g.length == 0 ? 0 : 2.0 * shared / (q.length + g.length);
				if (score > best) {
					best = score;
					at = i;
				}
			}
			return new Hit(this.entries.get(at).code(), best);
		}

		static int[] sorted(String text) {
			int[] cps = text.codePoints().toArray();
			int[] out = new int[Math.max(0, cps.length - 1)];
			for (int i = 0; i + 1 < cps.length; i++) {
				out[i] = (cps[i] << 16) | (cps[i + 1] & 0xFFFF);
			}
			Arrays.sort(out);
			return out;
		}

	}

}
