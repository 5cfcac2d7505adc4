package cn.jianfu.documents.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.jianfu.text.Shingles;

/**
 * Finds candidate relatives of a text among many documents, in memory: a containment
 * index over sampled shingles (a document whose samples mostly occur in the query is
 * contained in it, the forwarding case that Jaccard misses; samples held by more than
 * {@code maxDf} documents, boilerplate, are dropped) and MinHash LSH for near-duplicates.
 * Candidates carry estimates; the caller confirms them exactly. Slots are dense ints; the
 * caller maps them to document ids. Thread-safe for one writer and many readers through
 * its own lock.
 */
final class SimilarityIndex {

	/**
	 * A candidate with its estimates: containment of the document in the query, of the
	 * query in it, Jaccard.
	 */
	record Candidate(int slot, double inQuery, double ofQuery, double jaccard, boolean lsh) {

		double score() {
			return Math.max(Math.max(this.inQuery, this.ofQuery), this.lsh ? Math.max(this.jaccard, 0.5) : 0);
		}

	}

	private final Postings samples;

	private final Postings bands = new Postings(Integer.MAX_VALUE);

	private int size;

	private long[] ids = new long[1024];

	private short[] sampleCount = new short[1024];

	private short[] modCount = new short[1024];

	private final Object lock = new Object();

	SimilarityIndex(int maxDf) {
		this.samples = new Postings(maxDf);
	}

	int size() {
		return this.size;
	}

	long id(int slot) {
		return this.ids[slot];
	}

	/** Adds a document; returns its slot. */
	int add(long id, Sketch sketch) {
		synchronized (this.lock) {
			int slot = this.size++;
			if (slot == this.ids.length) {
				int grown = this.ids.length * 2;
				this.ids = Arrays.copyOf(this.ids, grown);
				this.sampleCount = Arrays.copyOf(this.sampleCount, grown);
				this.modCount = Arrays.copyOf(this.modCount, grown);
			}
			this.ids[slot] = id;
			int kept = 0;
			int mods = 0;
			for (int key : sketch.samples()) {
				if (this.samples.add(key, slot)) {
					kept++;
					if (Sketch.mod(key)) {
						mods++;
					}
				}
			}
			this.sampleCount[slot] = (short) kept;
			this.modCount[slot] = (short) mods;
			for (int band : sketch.bands()) {
				this.bands.add(band, slot);
			}
			if (this.samples.needsMerge() || this.bands.needsMerge()) {
				freeze();
			}
			return slot;
		}
	}

	/** Merges recent additions into the compact arrays (also after a bulk load). */
	void freeze() {
		synchronized (this.lock) {
			this.samples.merge((key, slot) -> {
				this.sampleCount[slot]--;
				if (Sketch.mod(key)) {
					this.modCount[slot]--;
				}
			});
			this.bands.merge((key, slot) -> {
			});
		}
	}

	/**
	 * Candidates for a query given by its shingles, best first, at most {@code limit},
	 * with an estimated containment either way of at least {@code minimum} or an LSH hit.
	 */
	List<Candidate> candidates(long[] shingles, double minimum, int limit) {
		Sketch sketch = Sketch.of(shingles);
		synchronized (this.lock) {
			if (this.hits.length < this.size) {
				this.hits = new int[this.ids.length];
				this.modHits = new int[this.ids.length];
				this.lsh = new boolean[this.ids.length];
			}
			int[] hits = this.hits;
			int[] modHits = this.modHits;
			boolean[] lsh = this.lsh;
			int[] touchedCount = { 0 };
			int queryMods = 0;
			int previous = 0;
			int[] keys = new int[shingles.length];
			for (int i = 0; i < shingles.length; i++) {
				keys[i] = Sketch.key(shingles[i]);
			}
			Arrays.sort(keys);
			for (int i = 0; i < keys.length; i++) {
				int key = keys[i];
				if (i > 0 && key == previous) {
					continue;
				}
				previous = key;
				boolean mod = Sketch.mod(key);
				if (mod && !this.samples.stopped(key)) {
					queryMods++;
				}
				this.samples.find(key, slot -> {
					if (hits[slot] == 0 && !lsh[slot]) {
						push(touchedCount, slot);
					}
					hits[slot]++;
					if (mod) {
						modHits[slot]++;
					}
				});
			}
			for (int band : sketch.bands()) {
				this.bands.find(band, slot -> {
					if (hits[slot] == 0 && !lsh[slot]) {
						push(touchedCount, slot);
					}
					lsh[slot] = true;
				});
			}
			List<Candidate> found = new ArrayList<>();
			int qm = Math.max(1, queryMods);
			for (int t = 0; t < touchedCount[0]; t++) {
				int slot = this.touchedSlots[t];
				double inQuery = this.sampleCount[slot] <= 0 ? 0
						: Math.min(1.0, (double) hits[slot] / this.sampleCount[slot]);
				double ofQuery = Math.min(1.0, (double) modHits[slot] / qm);
				int union = qm + this.modCount[slot] - modHits[slot];
				double jaccard = union <= 0 ? 0 : (double) modHits[slot] / union;
				Candidate c = new Candidate(slot, inQuery, ofQuery, jaccard, lsh[slot]);
				if (c.lsh() || (hits[slot] >= 2 && Math.max(inQuery, ofQuery) >= minimum)) {
					found.add(c);
				}
			}
			for (int t = 0; t < touchedCount[0]; t++) {
				int slot = this.touchedSlots[t];
				hits[slot] = 0;
				modHits[slot] = 0;
				lsh[slot] = false;
			}
			found.sort((a, b) -> Double.compare(b.score(), a.score()));
			return found.size() > limit ? new ArrayList<>(found.subList(0, limit)) : found;
		}
	}

	private int[] touchedSlots = new int[256];

	private int[] hits = new int[0];

	private int[] modHits = new int[0];

	private boolean[] lsh = new boolean[0];

	private void push(int[] count, int slot) {
		if (count[0] == this.touchedSlots.length) {
			this.touchedSlots = Arrays.copyOf(this.touchedSlots, count[0] * 2);
		}
		this.touchedSlots[count[0]++] = slot;
	}

	/** Bytes held per document by the arrays of the index. */
	long bytes() {
		return this.samples.bytes() + this.bands.bytes() + 12L * this.ids.length;
	}

	static long[] shingles(String text) {
		return Shingles.of(text);
	}

}
