package cn.jianfu.documents.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import cn.jianfu.text.Shingles;

/**
 * How a document relates to a query text, decided on exact shingle sets: a near-duplicate
 * (Jaccard ≥ 0.8), a yearly re-issue (a near-duplicate once dates and numbers are masked,
 * in another year), contained in the query (the query forwards it; two or more contained
 * make the query a bundle), containing the query, partial reuse (containment ≥ 0.2 either
 * way, counting only shared shingles that are not boilerplate), or only cited (an
 * explicit link by document number or title).
 */
enum Relation {

	NEAR_DUPLICATE("near-duplicate"), REISSUE("reissue"), CONTAINS("contains"), BUNDLES("bundles"),
	CONTAINED("contained"), PARTIAL("partial"), CITES("cites");

	static final double NEAR = 0.8;

	static final double CONTAINMENT = 0.7;

	static final double PARTIAL_REUSE = 0.2;

	static final double REISSUE_MASKED = 0.9;

	private static final Pattern NUMBERS = Pattern.compile("\\d+|[〇零○一二三四五六七八九十]+(?=[年月日号])");

	private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)");

	final String json;

	Relation(String json) {
		this.json = json;
	}

	/**
	 * Exact measures of one pair: Jaccard and containment either way on all shingles, and
	 * {@code reuse}, the containment either way counting only shared shingles that are
	 * not boilerplate (held by more than max-df documents of the corpus), which decides
	 * partial reuse.
	 */
	record Measures(double jaccard, double inQuery, double ofQuery, double reuse) {

		/** Without a boilerplate discount (no corpus statistics at hand). */
		static Measures of(long[] query, long[] document) {
			int shared = Shingles.intersection(query, document);
			return of(shared, query.length, document.length, shared);
		}

		/**
		 * From the counts: shared shingles, the sizes of both sets, and the shared ones
		 * that are not boilerplate.
		 */
		static Measures of(int shared, int query, int document, double rare) {
			int union = query + document - shared;
			return new Measures(union == 0 ? 0 : (double) shared / union,
					document == 0 ? 0 : (double) shared / document, query == 0 ? 0 : (double) shared / query,
					Math.max(document == 0 ? 0 : rare / document, query == 0 ? 0 : rare / query));
		}

		double containment() {
			return Math.max(this.inQuery, this.ofQuery);
		}

	}

	/** The textual relation of a pair, or null when they are unrelated. */
	static @Nullable Relation of(Measures m, String queryText, String documentText) {
		if (m.jaccard() >= NEAR) {
			return reissue(queryText, documentText) ? REISSUE : NEAR_DUPLICATE;
		}
		if (m.inQuery() >= CONTAINMENT && m.inQuery() >= m.ofQuery()) {
			return CONTAINS;
		}
		if (m.ofQuery() >= CONTAINMENT) {
			return CONTAINED;
		}
		if (m.reuse() >= PARTIAL_REUSE) {
			return PARTIAL;
		}
		return null;
	}

	/** Same text once numbers and dates are masked, but about other years. */
	static boolean reissue(String a, String b) {
		Set<String> yearsA = years(a);
		Set<String> yearsB = years(b);
		if (differentYears(yearsA, yearsB)) {
			return Shingles.jaccard(Shingles.of(mask(a)), Shingles.of(mask(b))) >= REISSUE_MASKED;
		}
		return false;
	}

	/**
	 * The re-issue test on precomputed parts (years and shingles of the number-masked
	 * text), for callers that keep them per document instead of re-reading texts.
	 */
	static boolean reissue(Set<String> yearsA, long[] maskedA, Set<String> yearsB, long[] maskedB) {
		return differentYears(yearsA, yearsB) && Shingles.jaccard(maskedA, maskedB) >= REISSUE_MASKED;
	}

	static boolean differentYears(Set<String> yearsA, Set<String> yearsB) {
		return !yearsA.equals(yearsB) && !yearsA.isEmpty() && !yearsB.isEmpty();
	}

	static String mask(String text) {
		return NUMBERS.matcher(text).replaceAll("#");
	}

	static Set<String> years(String text) {
		Set<String> years = new HashSet<>();
		Matcher m = YEAR.matcher(text);
		while (m.find()) {
			years.add(m.group());
		}
		return years;
	}

}
