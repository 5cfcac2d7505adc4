package cn.jianfu.documents.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

import cn.jianfu.text.MinHash;
import cn.jianfu.text.Shingles;

/**
 * What the similarity index keeps of a document: its sampled shingle keys (every key
 * whose low {@value #MOD_BITS} bits are zero, a consistent 1-in-32 sample, plus the
 * {@value #FLOOR} least other keys so that short documents have enough), the LSH band
 * keys of its MinHash signature, and the counts the estimates divide by.
 */
record Sketch(int[] samples, int[] bands, int modCount, int shingleCount) {

	static final int MOD_BITS = 5;

	static final int MOD_MASK = (1 << MOD_BITS) - 1;

	static final int FLOOR = 12;

	static final int MAX_SAMPLES = 1024;

	static int key(long shingle) {
		return (int) (shingle >>> 32);
	}

	static boolean mod(int key) {
		return (key & MOD_MASK) == 0;
	}

	static Sketch of(long[] shingles) {
		int[] keys = new int[shingles.length];
		for (int i = 0; i < shingles.length; i++) {
			keys[i] = key(shingles[i]);
		}
		Arrays.sort(keys);
		int[] samples = new int[Math.min(MAX_SAMPLES, shingles.length)];
		int n = 0;
		int modCount = 0;
		int extra = 0;
		int previous = 0;
		for (int i = 0; i < keys.length && n < samples.length; i++) {
			if (i > 0 && keys[i] == previous) {
				continue;
			}
			previous = keys[i];
			if (mod(keys[i])) {
				samples[n++] = keys[i];
				modCount++;
			}
			else if (extra < FLOOR) {
				samples[n++] = keys[i];
				extra++;
			}
		}
		int[] signature = MinHash.signature(shingles);
		int[] bands = new int[MinHash.BANDS];
		for (int b = 0; b < bands.length; b++) {
			bands[b] = MinHash.band(signature, b);
		}
		return new Sketch(Arrays.copyOf(samples, n), bands, modCount, shingles.length);
	}

	static Sketch of(String text) {
		return of(Shingles.of(text));
	}

	static byte[] bytes(int[] values) {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
		buffer.asIntBuffer().put(values);
		return buffer.array();
	}

	static int[] ints(byte[] bytes) {
		int[] values = new int[bytes.length / 4];
		ByteBuffer.wrap(bytes).asIntBuffer().get(values);
		return values;
	}

}
