package cn.jianfu.catalogue.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

/**
 * An indicator name taken apart into the slots that decide whether two names mean the
 * same figure: the subject (低保, 人口 …), the registration scope (户籍/常住), the area (城镇/农村),
 * the statistic (数, 人数, 户数, 人次, 金额, 比率, 增速), the time (本月, 累计, 年末, 同比, 环比) and the unit
 * of measure. Names are first folded (full-width to half-width, spaces removed) and
 * rewritten with the curated synonym list ({@code catalogue/synonyms.tsv}).
 *
 * @param canonical the folded, rewritten name with the unit removed
 */
public record NameSlots(String canonical, String subject, @Nullable String registration, @Nullable String area,
		@Nullable String statistic, Set<String> time, @Nullable String unit) {

	static final List<String> TIMES = List.of("本月", "累计", "年末", "同比", "环比");

	static final List<String> REGISTRATIONS = List.of("户籍", "常住");

	static final List<String> AREAS = List.of("城镇", "农村");

	/** Statistic suffixes, longest first, with the statistic each stands for. */
	static final List<String[]> STATISTICS = List.of(new String[] { "增速", "增速" }, new String[] { "人次", "人次" },
			new String[] { "人数", "人数" }, new String[] { "户数", "户数" }, new String[] { "金额", "金额" },
			new String[] { "比率", "比率" }, new String[] { "率", "比率" }, new String[] { "数", "数" },
			new String[] { "额", "金额" });

	static final Set<String> UNITS = Set.of("人", "户", "个", "元", "万元", "亿元", "%", "‰", "亩", "吨", "头", "人次", "张", "起",
			"件", "所", "套", "平方米", "千瓦", "天", "次", "处", "栋", "宗", "只", "对", "具", "公里", "千米", "株", "台", "册", "场");

	static final Map<String, String> DIMENSIONS = Map.of("人", "人数", "户", "户数", "人次", "人次", "元", "金额", "万元", "金额", "亿元",
			"金额", "%", "比率", "‰", "比率");

	private static final Pattern BRACKETS = Pattern.compile("[(\\[【]([^)\\]】]{0,12})[)\\]】]");

	private static final List<String[]> SYNONYMS = synonyms();

	public NameSlots {
		time = Set.copyOf(time);
	}

	/** Parses a name; the unit, if not in the name, may come from the catalogue. */
	public static NameSlots parse(String name, @Nullable String unitOfMeasure) {
		String text = fold(name);
		String unit = unitOfMeasure == null || unitOfMeasure.isBlank() ? null : fold(unitOfMeasure);
		Matcher brackets = BRACKETS.matcher(text);
		StringBuilder kept = new StringBuilder();
		while (brackets.find()) {
			String inside = brackets.group(1).replace("单位:", "").replace("单位", "");
			if (UNITS.contains(inside)) {
				unit = unit == null ? inside : unit;
				brackets.appendReplacement(kept, "");
			}
			else {
				brackets.appendReplacement(kept, Matcher.quoteReplacement(inside));
			}
		}
		brackets.appendTail(kept);
		String canonical = rewrite(kept.toString());
		String rest = canonical;
		Set<String> time = new TreeSet<>();
		for (String t : TIMES) {
			if (rest.contains(t)) {
				time.add(t);
				rest = rest.replace(t, "");
			}
		}
		String registration = first(rest, REGISTRATIONS);
		if (registration != null) {
			rest = rest.replaceFirst(registration, "");
		}
		String area = first(rest, AREAS);
		if (area != null) {
			rest = rest.replaceFirst(area, "");
		}
		String statistic = null;
		for (String[] suffix : STATISTICS) {
			if (rest.endsWith(suffix[0]) && rest.length() >= suffix[0].length()) {
				statistic = suffix[1];
				rest = rest.substring(0, rest.length() - suffix[0].length());
				break;
			}
		}
		return new NameSlots(canonical, rest, registration, area, statistic, time, unit);
	}

	/** Full-width to half-width, lower case, no whitespace. */
	static String fold(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder out = new StringBuilder(folded.length());
		folded.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000').forEach(out::appendCodePoint);
		return out.toString();
	}

	static String rewrite(String text) {
		String out = text;
		for (String[] synonym : SYNONYMS) {
			if (out.contains(synonym[0])) {
				out = out.replace(synonym[0], synonym[1]);
			}
		}
		return out;
	}

	/** The statistic, or what the unit says it counts when the name only says 数. */
	public @Nullable String effectiveStatistic() {
		if ((this.statistic == null || this.statistic.equals("数")) && this.unit != null) {
			return DIMENSIONS.getOrDefault(this.unit, this.statistic);
		}
		return this.statistic;
	}

	/**
	 * Whether the statistic and the unit agree (户数 with 户, not with 人); a name that
	 * contradicts itself is never matched without a person.
	 */
	public boolean consistent() {
		String dimension = this.unit == null ? null : DIMENSIONS.get(this.unit);
		return dimension == null || this.statistic == null || this.statistic.equals("数")
				|| dimension.equals(this.statistic) || (dimension.equals("比率") && this.statistic.equals("增速"))
				|| (dimension.equals("金额") && this.statistic.equals("金额"));
	}

	private static @Nullable String first(String text, List<String> options) {
		for (String option : options) {
			if (text.contains(option)) {
				return option;
			}
		}
		return null;
	}

	private static List<String[]> synonyms() {
		List<String[]> all = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("catalogue/synonyms.tsv").getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] pair = line.split("\t", -1);
				all.add(new String[] { fold(pair[0]), pair.length > 1 ? fold(pair[1]) : "" });
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		all.sort(Comparator.comparingInt((String[] p) -> -p[0].length()));
		return List.copyOf(all);
	}

}
