package cn.jianfu.documents.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A compact inverted index from 32-bit keys to document slots: a frozen part (keys and
 * slots in two int arrays, sorted by key, with a bucket table on the key's high bits, 8
 * bytes a posting) and a small part for recent additions, merged into the frozen part
 * when it grows. Keys held by more than {@code maxDf} documents (boilerplate phrases) are
 * dropped at a merge and remembered as stop keys (a sorted int array); {@link Dropped}
 * reports them to the owner so that it can correct its per-document counts. A bulk load
 * ({@link #bulk}) appends packed postings to one primitive array and sorts it once at the
 * merge, instead of filling the map and merging geometrically; bulk postings are not
 * searchable before the merge.
 */
final class Postings {

	interface Dropped {

		void posting(int key, int slot);

	}

	private final int maxDf;

	private int bits;

	private int[] buckets = new int[2];

	private int[] keys = new int[0];

	private int[] slots = new int[0];

	private final Map<Integer, int[]> recent = new HashMap<>();

	private int recentSize;

	/** Sorted stop keys; replaced whole at a merge, read without the owner's lock. */
	private volatile int[] stop = new int[0];

	private long[] pending = new long[0];

	private int pendingSize;

	Postings(int maxDf) {
		this.maxDf = maxDf;
	}

	int size() {
		return this.keys.length + this.recentSize;
	}

	boolean stopped(int key) {
		int[] stops = this.stop;
		return stops.length > 0 && Arrays.binarySearch(stops, key) >= 0;
	}

	/** Adds a posting without making it searchable before the next merge. */
	void bulk(int key, int slot) {
		if (this.pendingSize == this.pending.length) {
			this.pending = Arrays.copyOf(this.pending, Math.max(1024, this.pendingSize + (this.pendingSize >> 1)));
		}
		this.pending[this.pendingSize++] = pack(key, slot);
	}

	private static long pack(int key, int slot) {
		// by unsigned key, so that buckets on the high bits are ascending
		return (((long) key << 32) | (slot & 0xffffffffL)) ^ Long.MIN_VALUE;
	}

	/** Adds a posting; returns false if the key is a stop key. */
	boolean add(int key, int slot) {
		if (stopped(key)) {
			return false;
		}
		int[] list = this.recent.get(key);
		if (list == null) {
			list = new int[] { 0, 0, 0 };
			this.recent.put(key, list);
		}
		else if (list[0] + 1 == list.length) {
			list = Arrays.copyOf(list, list.length * 2);
			this.recent.put(key, list);
		}
		list[++list[0]] = slot;
		this.recentSize++;
		return true;
	}

	boolean needsMerge() {
		return this.recentSize > Math.max(50_000, this.keys.length / 8);
	}

	/** Merges the recent postings into the frozen arrays, dropping keys above maxDf. */
	void merge(Dropped dropped) {
		if (this.recentSize == 0 && this.pendingSize == 0) {
			return;
		}
		int total = this.keys.length + this.recentSize + this.pendingSize;
		long[] packed = this.pending.length >= total ? this.pending : Arrays.copyOf(this.pending, total);
		int n = this.pendingSize;
		this.pending = new long[0];
		this.pendingSize = 0;
		for (int i = 0; i < this.keys.length; i++) {
			packed[n++] = pack(this.keys[i], this.slots[i]);
		}
		this.keys = new int[0];
		this.slots = new int[0];
		for (Map.Entry<Integer, int[]> e : this.recent.entrySet()) {
			int[] list = e.getValue();
			for (int i = 1; i <= list[0]; i++) {
				packed[n++] = pack(e.getKey(), list[i]);
			}
		}
		this.recent.clear();
		this.recentSize = 0;
		Arrays.parallelSort(packed, 0, n);
		int kept = 0;
		int[] newKeys = new int[n];
		int[] newSlots = new int[n];
		int[] newStop = Arrays.copyOf(this.stop, this.stop.length + 16);
		int stops = this.stop.length;
		for (int i = 0; i < n;) {
			int key = (int) ((packed[i] ^ Long.MIN_VALUE) >>> 32);
			int j = i;
			while (j < n && (int) ((packed[j] ^ Long.MIN_VALUE) >>> 32) == key) {
				j++;
			}
			if (j - i > this.maxDf) {
				if (stops == newStop.length) {
					newStop = Arrays.copyOf(newStop, stops * 2);
				}
				newStop[stops++] = key;
				for (int k = i; k < j; k++) {
					dropped.posting(key, (int) packed[k]);
				}
			}
			else {
				for (int k = i; k < j; k++) {
					newKeys[kept] = key;
					newSlots[kept++] = (int) packed[k];
				}
			}
			i = j;
		}
		packed = null;
		this.stop = Arrays.copyOf(newStop, stops);
		Arrays.sort(this.stop);
		this.keys = Arrays.copyOf(newKeys, kept);
		this.slots = Arrays.copyOf(newSlots, kept);
		this.bits = Math.max(1, Math.min(26, 32 - Integer.numberOfLeadingZeros(Math.max(1, kept / 4))));
		this.buckets = new int[(1 << this.bits) + 1];
		int b = 0;
		for (int i = 0; i < kept; i++) {
			int bucket = this.keys[i] >>> (32 - this.bits);
			while (b <= bucket) {
				this.buckets[b++] = i;
			}
		}
		while (b < this.buckets.length) {
			this.buckets[b++] = kept;
		}
	}

	/**
	 * Where the key's postings start in the frozen arrays (they run while
	 * {@link #key(int)} equals it), or past its bucket when it has none.
	 */
	int first(int key) {
		if (this.keys.length == 0) {
			return 0;
		}
		int i = this.buckets[key >>> (32 - this.bits)];
		int end = this.buckets[(key >>> (32 - this.bits)) + 1];
		while (i < end && this.keys[i] != key) {
			i++;
		}
		return i;
	}

	int frozen() {
		return this.keys.length;
	}

	int key(int i) {
		return this.keys[i];
	}

	int slot(int i) {
		return this.slots[i];
	}

	boolean hasRecent() {
		return this.recentSize > 0;
	}

	/** Calls back with every slot that holds the key. */
	void find(int key, IntConsumer slot) {
		if (this.keys.length > 0) {
			int bucket = key >>> (32 - this.bits);
			for (int i = this.buckets[bucket], end = this.buckets[bucket + 1]; i < end; i++) {
				if (this.keys[i] == key) {
					slot.accept(this.slots[i]);
				}
			}
		}
		if (this.recentSize > 0) {
			int[] list = this.recent.get(key);
			if (list != null) {
				for (int i = 1; i <= list[0]; i++) {
					slot.accept(list[i]);
				}
			}
		}
	}

	/** Bytes held by the arrays (not the recent map). */
	long bytes() {
		return 4L * this.keys.length + 4L * this.slots.length + 4L * this.buckets.length;
	}

}
