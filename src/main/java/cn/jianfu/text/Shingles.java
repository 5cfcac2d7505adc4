package cn.jianfu.text;

import java.util.Arrays;

/**
 * Character shingles of Chinese text. Chinese has no spaces between words, so a text is
 * cut into overlapping runs of {@value #K} letters or digits (punctuation and whitespace
 * skipped, Latin lower-cased), each hashed to 64 bits; a document is the sorted set of
 * its distinct shingle hashes.
 */
public final class Shingles {

	/** Characters per shingle. */
	public static final int K = 5;

	private Shingles() {
	}

	/** The sorted distinct shingle hashes of the text. */
	public static long[] of(String text) {
		int[] cps = content(text);
		if (cps.length == 0) {
			return new long[0];
		}
		if (cps.length < K) {
			return new long[] { hash(cps, 0, cps.length) };
		}
		long[] hashes = new long[cps.length - K + 1];
		for (int i = 0; i < hashes.length; i++) {
			hashes[i] = hash(cps, i, K);
		}
		return distinct(hashes);
	}

	/** The letters and digits of the text, Latin lower-cased. */
	static int[] content(String text) {
		int[] cps = new int[text.length()];
		int n = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (Character.isLetterOrDigit(c)) {
				cps[n++] = Character.toLowerCase(c);
			}
		}
		return n == cps.length ? cps : Arrays.copyOf(cps, n);
	}

	static long hash(int[] cps, int from, int length) {
		long h = 0xcbf29ce484222325L;
		for (int i = from; i < from + length; i++) {
			h = (h ^ cps[i]) * 0x100000001b3L;
		}
		return mix(h);
	}

	/** MurmurHash3's 64-bit finaliser. */
	public static long mix(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

	static long[] distinct(long[] hashes) {
		sort(hashes);
		int n = 0;
		for (int i = 0; i < hashes.length; i++) {
			if (i == 0 || hashes[i] != hashes[i - 1]) {
				hashes[n++] = hashes[i];
			}
		}
		return Arrays.copyOf(hashes, n);
	}

	/**
	 * Sorts hashes ascending (signed, like {@link Arrays#sort(long[])}): the hashes are
	 * uniformly mixed, so one pass scatters them into about n/2 buckets by their high
	 * bits and each small bucket is sorted by insertion (a large one by Arrays.sort),
	 * several times faster than a comparison sort of the whole array.
	 */
	static void sort(long[] hashes) {
		int n = hashes.length;
		if (n < 256) {
			Arrays.sort(hashes);
			return;
		}
		int bits = 31 - Integer.numberOfLeadingZeros(n) - 1;
		int shift = 64 - bits;
		int[] start = new int[(1 << bits) + 1];
		for (long h : hashes) {
			start[(int) ((h ^ Long.MIN_VALUE) >>> shift) + 1]++;
		}
		for (int b = 1; b < start.length; b++) {
			start[b] += start[b - 1];
		}
		long[] scattered = new long[n];
		int[] fill = Arrays.copyOf(start, start.length - 1);
		for (long h : hashes) {
			scattered[fill[(int) ((h ^ Long.MIN_VALUE) >>> shift)]++] = h;
		}
		for (int b = 0; b < start.length - 1; b++) {
			int from = start[b];
			int to = start[b + 1];
			if (to - from > 32) {
				Arrays.sort(scattered, from, to);
				continue;
			}
			for (int i = from + 1; i < to; i++) {
				long v = scattered[i];
				int j = i - 1;
				while (j >= from && scattered[j] > v) {
					scattered[j + 1] = scattered[j];
					j--;
				}
				scattered[j + 1] = v;
			}
		}
		System.arraycopy(scattered, 0, hashes, 0, n);
	}

	/** How many hashes two sorted distinct sets share. */
	public static int intersection(long[] a, long[] b) {
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < a.length && j < b.length) {
			if (a[i] < b[j]) {
				i++;
			}
			else if (a[i] > b[j]) {
				j++;
			}
			else {
				n++;
				i++;
				j++;
			}
		}
		return n;
	}

	/** Exact Jaccard similarity of two shingle sets; 0 when both are empty. */
	public static double jaccard(long[] a, long[] b) {
		int shared = intersection(a, b);
		int union = a.length + b.length - shared;
		return union == 0 ? 0 : (double) shared / union;
	}

	/**
	 * Exact containment of {@code part} in {@code whole}: the share of part's shingles in
	 * whole.
	 */
	public static double containment(long[] part, long[] whole) {
		return part.length == 0 ? 0 : (double) intersection(part, whole) / part.length;
	}

}
