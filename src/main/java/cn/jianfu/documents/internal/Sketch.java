package cn.jianfu.documents.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

import cn.jianfu.text.MinHash;
import cn.jianfu.text.Shingles;

/**
 * What the similarity index keeps of a document: its sampled shingle keys (every key
 * whose low {@value #MOD_BITS} bits are zero, a consistent 1-in-32 sample; a short
 * document with fewer than {@value #FLOOR} of them also keeps its keys whose low
 * {@value #FINE_BITS} bits are zero, a consistent 1-in-8 sample, so that it has enough),
 * the LSH band keys of its MinHash signature, and the counts the estimates divide by.
 * Both samples are consistent: a key sampled in one document is sampled in every
 * document, so a query only looks up its own sampled keys.
 */
record Sketch(int[] samples, int[] bands, int modCount, int shingleCount) {

	static final int MOD_BITS = 5;

	static final int MOD_MASK = (1 << MOD_BITS) - 1;

	static final int FINE_BITS = 3;

	static final int FINE_MASK = (1 << FINE_BITS) - 1;

	static final int FLOOR = 24;

	static final int MAX_SAMPLES = 1024;

	static int key(long shingle) {
		return (int) (shingle >>> 32);
	}

	static boolean mod(int key) {
		return (key & MOD_MASK) == 0;
	}

	/** In the 1-in-8 sample but not in the 1-in-32 one. */
	static boolean fine(int key) {
		return (key & FINE_MASK) == 0 && !mod(key);
	}

	/**
	 * The distinct keys of a sorted shingle set that pass the filter, ascending: sorted
	 * 64-bit hashes have ascending high halves, so no sort is needed.
	 */
	static int[] keys(long[] shingles, java.util.function.IntPredicate filter) {
		int[] keys = new int[Math.max(4, shingles.length >> 2)];
		int n = 0;
		for (int i = 0; i < shingles.length; i++) {
			int k = key(shingles[i]);
			if (filter.test(k) && (n == 0 || keys[n - 1] != k)) {
				if (n == keys.length) {
					keys = Arrays.copyOf(keys, n * 2);
				}
				keys[n++] = k;
			}
		}
		return Arrays.copyOf(keys, n);
	}

	static Sketch of(long[] shingles) {
		int[] mods = keys(shingles, Sketch::mod);
		int[] samples = mods;
		if (mods.length < FLOOR) {
			int[] fine = keys(shingles, Sketch::fine);
			samples = Arrays.copyOf(mods, mods.length + fine.length);
			System.arraycopy(fine, 0, samples, mods.length, fine.length);
		}
		if (samples.length > MAX_SAMPLES) {
			samples = Arrays.copyOf(samples, MAX_SAMPLES);
		}
		int modCount = Math.min(mods.length, samples.length);
		return new Sketch(samples, bands(shingles), modCount, shingles.length);
	}

	static int[] bands(long[] shingles) {
		int[] signature = MinHash.signature(shingles);
		int[] bands = new int[MinHash.BANDS];
		for (int b = 0; b < bands.length; b++) {
			bands[b] = MinHash.band(signature, b);
		}
		return bands;
	}

	static Sketch of(String text) {
		return of(Shingles.of(text));
	}

	static byte[] bytes(int[] values) {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
		buffer.asIntBuffer().put(values);
		return buffer.array();
	}

	static byte[] bytes(long[] values) {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 8);
		buffer.asLongBuffer().put(values);
		return buffer.array();
	}

	static long[] longs(byte[] bytes) {
		long[] values = new long[bytes.length / 8];
		ByteBuffer.wrap(bytes).asLongBuffer().get(values);
		return values;
	}

	static int[] ints(byte[] bytes) {
		int[] values = new int[bytes.length / 4];
		ByteBuffer.wrap(bytes).asIntBuffer().get(values);
		return values;
	}

}
