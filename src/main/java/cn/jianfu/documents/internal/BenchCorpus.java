package cn.jianfu.documents.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import com.hankcs.hanlp.dictionary.CoreDictionary;

/**
 * A deterministic corpus of realistic official text for the benchmark: words drawn by
 * their real frequencies (HanLP's core dictionary, over the word list of its synonym
 * dictionary), GB/T 9704 structure (header, number, title, recipients, numbered parts,
 * signature, date), pools of boilerplate sentences shared by many documents, and planted
 * cases: light edits, forwarding with 0.5× to 5× added text, partial reuse, bundles of
 * two or three, yearly re-issues (hard negatives for near-duplicates) and unrelated
 * documents. Document i is a pure function of (seed, i), so texts can be regenerated
 * instead of held.
 */
final class BenchCorpus {

	enum Plant {

		FRESH, EDIT, FORWARD, PARTIAL, BUNDLE, REISSUE

	}

	private final long seed;

	private final String[] words;

	private final long[] cumulative;

	/**
	 * Guide table of the word draw: entry b is the first word whose cumulative frequency
	 * exceeds b/{@value #GUIDE} of the total, so a draw searches a few words, not all.
	 */
	private final int[] guide;

	private static final int GUIDE = 1 << 14;

	private final String[] boilerplate;

	private final Plant[] plants;

	private final int[][] bases;

	static final String[] ISSUERS = { "重庆市铜梁区民政局", "重庆市铜梁区人力资源和社会保障局", "重庆市铜梁区农业农村委员会", "重庆市铜梁区卫生健康委员会", "重庆市铜梁区教育委员会",
			"重庆市铜梁区应急管理局", "重庆市铜梁区生态环境局", "巴川街道办事处", "东城街道办事处", "安居镇人民政府" };

	static final String[] RECIPIENTS = { "各镇人民政府、街道办事处：", "各村（社区）：", "区级有关部门：", "各镇街、区级有关部门：", "各乡镇（街道）：" };

	static final String[] FORWARD_HEADS = { "现将{t}转发给你们，请结合实际认真贯彻执行。", "现将{t}印发给你们，请认真抓好落实。", "现将{t}转发给你们，请遵照执行。" };

	BenchCorpus(long seed, int size) {
		this.seed = seed;
		List<String> list = new ArrayList<>();
		List<Long> weights = new ArrayList<>();
		for (String word : dictionaryWords()) {
			int f = CoreDictionary.getTermFrequency(word);
			if (f > 0) {
				list.add(word);
				weights.add((long) f);
			}
		}
		this.words = list.toArray(String[]::new);
		this.cumulative = new long[this.words.length];
		long total = 0;
		for (int i = 0; i < this.words.length; i++) {
			total += weights.get(i);
			this.cumulative[i] = total;
		}
		this.guide = new int[GUIDE + 1];
		for (int b = 0, i = 0; b <= GUIDE; b++) {
			long bound = b * total / GUIDE;
			while (i < this.cumulative.length - 1 && this.cumulative[i] <= bound) {
				i++;
			}
			this.guide[b] = i;
		}
		SplittableRandom random = new SplittableRandom(seed);
		this.boilerplate = new String[300];
		for (int i = 0; i < this.boilerplate.length; i++) {
			this.boilerplate[i] = sentence(random);
		}
		this.plants = new Plant[size];
		this.bases = new int[size][];
		for (int i = 0; i < size; i++) {
			int r = random.nextInt(100);
			Plant plant = i < 10 ? Plant.FRESH : r < 60 ? Plant.FRESH : r < 68 ? Plant.EDIT
					: r < 76 ? Plant.FORWARD : r < 84 ? Plant.PARTIAL : r < 90 ? Plant.BUNDLE : Plant.REISSUE;
			this.plants[i] = plant;
			if (plant != Plant.FRESH) {
				int n = plant == Plant.BUNDLE ? 2 + random.nextInt(2) : 1;
				this.bases[i] = new int[n];
				for (int k = 0; k < n; k++) {
					this.bases[i][k] = freshBefore(random, i);
				}
			}
		}
	}

	private int freshBefore(SplittableRandom random, int i) {
		while (true) {
			int j = random.nextInt(i);
			if (this.plants[j] == Plant.FRESH) {
				return j;
			}
		}
	}

	int size() {
		return this.plants.length;
	}

	int vocabulary() {
		return this.words.length;
	}

	Plant plant(int i) {
		return this.plants[i];
	}

	int[] bases(int i) {
		return this.bases[i] == null ? new int[0] : this.bases[i].clone();
	}

	static Set<String> dictionaryWords() {
		Set<String> words = new LinkedHashSet<>();
		try (InputStream in = BenchCorpus.class.getClassLoader()
			.getResourceAsStream("data/dictionary/synonym/CoreSynonym.txt")) {
			if (in == null) {
				throw new IllegalStateException("HanLP's synonym dictionary is missing from the class path");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line; (line = reader.readLine()) != null;) {
				String[] parts = line.split(" ");
				for (int i = 1; i < parts.length; i++) {
					String w = parts[i].strip();
					if (!w.isEmpty() && w.length() <= 4 && w.codePoints()
						.allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
						words.add(w);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

	private String word(SplittableRandom random) {
		long total = this.cumulative[this.cumulative.length - 1];
		long x = random.nextLong(total);
		int b = (int) (x * GUIDE / total);
		int lo = this.guide[b];
		int hi = this.guide[b + 1];
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (this.cumulative[mid] <= x) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return this.words[lo];
	}

	private String sentence(SplittableRandom random) {
		StringBuilder s = new StringBuilder();
		int n = 6 + random.nextInt(14);
		for (int i = 0; i < n; i++) {
			s.append(word(random));
			if (i > 0 && i < n - 1 && random.nextInt(7) == 0) {
				s.append('，');
			}
		}
		return s.append('。').toString();
	}

	/** Document i's text. */
	String text(int i) {
		SplittableRandom random = new SplittableRandom(this.seed * 1_000_003L + i);
		return switch (this.plants[i]) {
			case FRESH -> fresh(i, random);
			case EDIT -> edit(text(this.bases[i][0]), random);
			case FORWARD -> forward(text(this.bases[i][0]), random, 0.5 + random.nextDouble() * 4.5);
			case PARTIAL -> partial(text(this.bases[i][0]), random);
			case BUNDLE -> bundle(i, random);
			case REISSUE -> reissue(text(this.bases[i][0]));
		};
	}

	private String fresh(int i, SplittableRandom random) {
		int year = 2019 + random.nextInt(6);
		String issuer = ISSUERS[random.nextInt(ISSUERS.length)];
		StringBuilder t = new StringBuilder();
		t.append(issuer).append("文件\n");
		t.append("铜")
			.append(issuer.charAt(6))
			.append("发〔")
			.append(year)
			.append("〕")
			.append(1 + random.nextInt(300))
			.append("号\n");
		t.append(issuer).append("关于").append(word(random)).append(word(random)).append(word(random)).append("工作的通知\n");
		t.append(RECIPIENTS[random.nextInt(RECIPIENTS.length)]).append('\n');
		t.append(paragraphs(random, 800 + (int) Math.min(5200, Math.abs(random.nextGaussian()) * 1800)));
		t.append(issuer)
			.append('\n')
			.append(year)
			.append("年")
			.append(1 + random.nextInt(12))
			.append("月")
			.append(1 + random.nextInt(28))
			.append("日\n");
		return t.toString();
	}

	private String paragraphs(SplittableRandom random, int length) {
		StringBuilder t = new StringBuilder();
		String[] numbers = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
		int part = 0;
		while (t.length() < length) {
			if (part < numbers.length && random.nextInt(4) == 0) {
				t.append(numbers[part++]).append("、").append(word(random)).append(word(random)).append("\n");
			}
			for (int s = 0, n = 2 + random.nextInt(5); s < n; s++) {
				// about one sentence in five comes from the shared boilerplate, popular
				// ones more often
				if (random.nextInt(5) == 0) {
					int k = (int) (this.boilerplate.length * Math.pow(random.nextDouble(), 2));
					t.append(this.boilerplate[k]);
				}
				else {
					t.append(sentence(random));
				}
			}
			t.append('\n');
		}
		return t.toString();
	}

	private String edit(String base, SplittableRandom random) {
		String[] sentences = base.split("(?<=。)");
		StringBuilder t = new StringBuilder();
		for (String s : sentences) {
			int r = random.nextInt(100);
			if (r < 3) {
				continue;
			}
			t.append(r < 6 ? sentence(random) : s);
		}
		return t.toString();
	}

	private String forward(String base, SplittableRandom random, double added) {
		String title = base.lines().skip(2).findFirst().orElse("");
		String issuer = ISSUERS[random.nextInt(ISSUERS.length)];
		StringBuilder t = new StringBuilder();
		t.append(issuer).append("关于转发《").append(title).append("》的通知\n");
		t.append(RECIPIENTS[random.nextInt(RECIPIENTS.length)]).append('\n');
		t.append(FORWARD_HEADS[random.nextInt(FORWARD_HEADS.length)].replace("{t}", "《" + title + "》")).append('\n');
		String own = paragraphs(random, (int) (base.length() * added));
		int split = random.nextInt(Math.max(1, own.length()));
		t.append(own, 0, split).append('\n').append(base).append('\n').append(own.substring(split));
		return t.toString();
	}

	private String partial(String base, SplittableRandom random) {
		String[] paragraphs = base.split("\n");
		int from = random.nextInt(Math.max(1, paragraphs.length / 2));
		int count = Math.max(1, (int) (paragraphs.length * (0.3 + random.nextDouble() * 0.3)));
		StringBuilder t = new StringBuilder("关于").append(word(random)).append(word(random)).append("的实施方案\n");
		t.append(paragraphs(random, base.length() / 2));
		for (int k = from; k < Math.min(paragraphs.length, from + count); k++) {
			t.append(paragraphs[k]).append('\n');
		}
		t.append(paragraphs(random, base.length() / 2));
		return t.toString();
	}

	private String bundle(int i, SplittableRandom random) {
		StringBuilder t = new StringBuilder("关于做好近期几项重点工作的通知\n各镇人民政府、街道办事处：\n");
		t.append(sentence(random)).append('\n');
		for (int base : this.bases[i]) {
			t.append(text(base)).append('\n');
		}
		return t.toString();
	}

	private static String reissue(String base) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("(19|20)\\d{2}").matcher(base);
		StringBuilder t = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(t, Integer.toString(Integer.parseInt(m.group()) + 1));
		}
		m.appendTail(t);
		return t.toString();
	}

}
