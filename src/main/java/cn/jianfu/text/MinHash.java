package cn.jianfu.text;

/**
 * One-permutation MinHash (Li, Owen and Zhang 2012) with rotation densification
 * (Shrivastava 2017): one pass over a shingle set fills {@value #BINS} bins, each keeping
 * the least hash that falls into it; an empty bin borrows from the next full one. Two
 * signatures agree in a bin with probability close to the Jaccard similarity of the sets.
 * Locality-sensitive hashing cuts the signature into {@value #BANDS} bands of
 * {@value #ROWS} rows: sets with Jaccard 0.8 share a band with probability 0.99, sets
 * with Jaccard 0.3 with probability 0.01.
 */
public final class MinHash {

	public static final int BINS = 96;

	public static final int BANDS = 16;

	public static final int ROWS = BINS / BANDS;

	private MinHash() {
	}

	/** The signature of a shingle set. */
	public static int[] signature(long[] shingles) {
		long[] mins = new long[BINS];
		java.util.Arrays.fill(mins, Long.MAX_VALUE);
		for (long h : shingles) {
			long m = Shingles.mix(h ^ 0x9e3779b97f4a7c15L);
			int bin = (int) (((m >>> 32) * BINS) >>> 32);
			long value = m & 0xffffffffL;
			if (value < mins[bin]) {
				mins[bin] = value;
			}
		}
		int[] signature = new int[BINS];
		boolean any = shingles.length > 0;
		for (int i = 0; i < BINS; i++) {
			if (mins[i] != Long.MAX_VALUE || !any) {
				signature[i] = (int) (mins[i] == Long.MAX_VALUE ? 0 : mins[i]);
				continue;
			}
			int j = i;
			int distance = 0;
			do {
				j = (j + 1) % BINS;
				distance++;
			}
			while (mins[j] == Long.MAX_VALUE);
			signature[i] = (int) (mins[j] + 0x61c88647L * distance);
		}
		return signature;
	}

	/** The key of one band of a signature. */
	public static int band(int[] signature, int band) {
		long h = band * 0x9e3779b97f4a7c15L;
		for (int r = 0; r < ROWS; r++) {
			h = Shingles.mix(h ^ (signature[band * ROWS + r] & 0xffffffffL));
		}
		return (int) h;
	}

	/**
	 * The share of bins in which two signatures agree: an estimate of Jaccard similarity.
	 */
	public static double estimate(int[] a, int[] b) {
		int same = 0;
		for (int i = 0; i < BINS; i++) {
			if (a[i] == b[i]) {
				same++;
			}
		}
		return (double) same / BINS;
	}

}
