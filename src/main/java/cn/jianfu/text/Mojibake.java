package cn.jianfu.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds runs of garbled text (乱码) that a wrong decoding leaves: replacement characters,
 * the classic 锟斤拷 and 烫烫烫, private-use characters, Latin-1 read as UTF-8 (Ã…), and runs
 * of rare CJK Extension characters. They are reported, not indexed.
 */
public final class Mojibake {

	private static final Pattern RUNS = Pattern.compile("(?:\\x{FFFD}|锟斤拷|烫烫烫|屯屯屯|[\\x{E000}-\\x{F8FF}])+"
			+ "|(?:[\\x{00C2}\\x{00C3}\\x{00C5}\\x{00E5}\\x{00E6}\\x{00E7}\\x{00E8}\\x{00E9}][\\x{0080}-\\x{00BF}]){2,}"
			+ "|[\\x{3400}-\\x{4DBF}\\x{20000}-\\x{2FFFF}]{4,}");

	private Mojibake() {
	}

	/**
	 * A garbled run: where it starts in the text and what it holds (at most 40
	 * characters).
	 */
	public record Run(int offset, String sample) {
	}

	/** The garbled runs of the text, in order. */
	public static List<Run> runs(String text) {
		List<Run> runs = new ArrayList<>();
		Matcher m = RUNS.matcher(text);
		while (m.find()) {
			String run = m.group();
			runs.add(new Run(m.start(), run.length() > 40 ? run.substring(0, 40) : run));
		}
		return runs;
	}

	/** The text with garbled runs removed, for indexing. */
	public static String strip(String text) {
		return RUNS.matcher(text).replaceAll("");
	}

}
