package cn.jianfu.text;

import com.hankcs.hanlp.HanLP;

/**
 * Puts Chinese text into one form for reading, counting and comparing: full-width Latin
 * letters, digits and spaces folded to half-width, half-width CJK punctuation to full
 * width, Traditional characters to Simplified (HanLP's dictionary converter), line breaks
 * unified and runs of spaces collapsed.
 */
public final class Normalization {

	private Normalization() {
	}

	/** Width folding, Traditional to Simplified, whitespace tidied. */
	public static String normalize(String text) {
		return tidy(toSimplified(foldWidth(text)));
	}

	/**
	 * Full-width ASCII forms and the ideographic space to ASCII; half-width CJK marks to
	 * full.
	 */
	public static String foldWidth(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')
					|| c == '\uFF05' || c == '\uFF0E' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF0F') {
				out.append((char) (c - 0xFEE0));
			}
			else if (c == '\u3000' || c == '\u00A0') {
				out.append(' ');
			}
			else if (c == '\uFF61') {
				out.append('。');
			}
			else if (c == '\uFF64') {
				out.append('、');
			}
			else if (c == '\uFF62') {
				out.append('「');
			}
			else if (c == '\uFF63') {
				out.append('」');
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Traditional (and variant) characters to Simplified. */
	public static String toSimplified(String text) {
		return text.isEmpty() ? text : HanLP.convertToSimplifiedChinese(text);
	}

	/**
	 * Whether the text is written in Traditional characters: at least 3 Han characters
	 * and more than 5% of them change when converted.
	 */
	public static boolean isTraditional(String text) {
		String simplified = toSimplified(text);
		int han = 0;
		int changed = 0;
		int n = Math.min(text.length(), simplified.length());
		for (int i = 0; i < n; i++) {
			if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) {
				han++;
				if (text.charAt(i) != simplified.charAt(i)) {
					changed++;
				}
			}
		}
		return changed >= 3 && changed * 20 > han;
	}

	/** Line breaks unified, spaces and tabs collapsed, blank lines squeezed, trimmed. */
	public static String tidy(String text) {
		String unified = text.replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder out = new StringBuilder(unified.length());
		for (String line : unified.split("\n", -1)) {
			String clean = line.replaceAll("[ \\t\\u000B\\f]+", " ").strip();
			if (clean.isEmpty()) {
				if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
					out.append('\n');
				}
				continue;
			}
			out.append(clean).append('\n');
		}
		return out.toString().strip();
	}

	/** Characters as the rules count length: everything but whitespace. */
	public static int length(String text) {
		return (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
	}

}
