package cn.jianfu.documents.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.jianfu.text.Shingles;

/**
 * Finds candidate relatives of a text among many documents, in memory: a containment
 * index over consistently sampled shingle keys (a document whose samples mostly occur in
 * the query is contained in it, the forwarding case that Jaccard misses; samples held by
 * more than {@code maxDf} documents, boilerplate, are dropped) and MinHash LSH for
 * near-duplicates. A query looks up only its own sampled keys (the samples are
 * consistent, see {@link Sketch}), each posting list at most {@code maxDf} long, so its
 * cost depends on the query's length and maxDf, not on the number of documents.
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

	/** The 1-in-8 keys of short documents (see {@link Sketch#FLOOR}). */
	private final Postings fine;

	private boolean bulk;

	private final Postings bands = new Postings(Integer.MAX_VALUE);

	private int size;

	private long[] ids = new long[1024];

	private short[] sampleCount = new short[1024];

	private short[] modCount = new short[1024];

	private final Object lock = new Object();

	SimilarityIndex(int maxDf) {
		this.samples = new Postings(maxDf);
		this.fine = new Postings(maxDf);
	}

	/**
	 * A bulk load: additions are not searchable until {@link #freeze()}, which sorts them
	 * once.
	 */
	void bulk(boolean bulk) {
		synchronized (this.lock) {
			this.bulk = bulk;
			if (!bulk) {
				freeze();
			}
		}
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
				// keys of neither sample (the "least keys" of sketches stored before the
				// samples were consistent) cannot be found by a query: left out
				Postings postings = Sketch.mod(key) ? this.samples : Sketch.fine(key) ? this.fine : null;
				if (postings == null) {
					continue;
				}
				if (this.bulk) {
					postings.bulk(key, slot);
				}
				else if (!postings.add(key, slot)) {
					continue;
				}
				kept++;
				if (postings == this.samples) {
					mods++;
				}
			}
			this.sampleCount[slot] = (short) kept;
			this.modCount[slot] = (short) mods;
			for (int band : sketch.bands()) {
				if (this.bulk) {
					this.bands.bulk(band, slot);
				}
				else {
					this.bands.add(band, slot);
				}
			}
			if (!this.bulk && (this.samples.needsMerge() || this.fine.needsMerge() || this.bands.needsMerge())) {
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
				this.modCount[slot]--;
			});
			this.fine.merge((key, slot) -> this.sampleCount[slot]--);
			this.bands.merge((key, slot) -> {
			});
		}
	}

	/**
	 * Candidates for a query given by its sorted shingles, best first, at most
	 * {@code limit}, with an estimated containment either way of at least {@code minimum}
	 * or an LSH hit. Looks up the query's 1-in-32 keys (and its 1-in-8 keys among short
	 * documents) and its 16 bands: no boxing, no per-key allocation.
	 */
	List<Candidate> candidates(long[] shingles, double minimum, int limit) {
		int[] modKeys = Sketch.keys(shingles, Sketch::mod);
		int[] bandKeys = Sketch.bands(shingles);
		synchronized (this.lock) {
			int[] fineKeys = this.fine.size() == 0 ? new int[0] : Sketch.keys(shingles, Sketch::fine);
			if (this.hits.length < this.size) {
				this.hits = new int[this.ids.length];
				this.modHits = new int[this.ids.length];
				this.lsh = new boolean[this.ids.length];
			}
			this.touched = 0;
			this.scanned = 0;
			int queryMods = 0;
			for (int key : modKeys) {
				if (!this.samples.stopped(key)) {
					queryMods++;
					look(this.samples, key, true, false);
				}
			}
			for (int key : fineKeys) {
				look(this.fine, key, false, false);
			}
			for (int band : bandKeys) {
				look(this.bands, band, false, true);
			}
			int[] hits = this.hits;
			int[] modHits = this.modHits;
			boolean[] lsh = this.lsh;
			List<Candidate> found = new ArrayList<>();
			int qm = Math.max(1, queryMods);
			for (int t = 0; t < this.touched; t++) {
				int slot = this.touchedSlots[t];
				double inQuery = this.sampleCount[slot] <= 0 ? 0
						: Math.min(1.0, (double) hits[slot] / this.sampleCount[slot]);
				double ofQuery = Math.min(1.0, (double) modHits[slot] / qm);
				int union = qm + this.modCount[slot] - modHits[slot];
				double jaccard = union <= 0 ? 0 : (double) modHits[slot] / union;
				if (lsh[slot] || (hits[slot] >= 2 && Math.max(inQuery, ofQuery) >= minimum)) {
					found.add(new Candidate(slot, inQuery, ofQuery, jaccard, lsh[slot]));
				}
				hits[slot] = 0;
				modHits[slot] = 0;
				lsh[slot] = false;
			}
			found.sort((a, b) -> Double.compare(b.score(), a.score()));
			this.lastScanned = this.scanned;
			return found.size() > limit ? new ArrayList<>(found.subList(0, limit)) : found;
		}
	}

	/** Counts one key's postings into the per-slot tallies. */
	private void look(Postings postings, int key, boolean mod, boolean band) {
		for (int i = postings.first(key), end = postings.frozen(); i < end && postings.key(i) == key; i++) {
			tally(postings.slot(i), mod, band);
		}
		if (postings.hasRecent()) {
			postings.find(key, slot -> tally(slot, mod, band));
		}
	}

	/** Postings the last query read (a diagnostic for the benchmark). */
	int lastScanned() {
		return this.lastScanned;
	}

	private void tally(int slot, boolean mod, boolean band) {
		this.scanned++;
		if (this.hits[slot] == 0 && !this.lsh[slot]) {
			if (this.touched == this.touchedSlots.length) {
				this.touchedSlots = Arrays.copyOf(this.touchedSlots, this.touched * 2);
			}
			this.touchedSlots[this.touched++] = slot;
		}
		if (band) {
			this.lsh[slot] = true;
		}
		else {
			this.hits[slot]++;
			if (mod) {
				this.modHits[slot]++;
			}
		}
	}

	/** Whether a key is boilerplate: sampled, and held by more than maxDf documents. */
	boolean boilerplate(int key) {
		return Sketch.mod(key) ? this.samples.stopped(key) : Sketch.fine(key) && this.fine.stopped(key);
	}

	/**
	 * Exact measures of a pair with the boilerplate discount of partial reuse: the shared
	 * shingles are counted in full, and their share that is boilerplate is estimated on
	 * their 1-in-32 keys (the only ones whose document frequency the index knows).
	 */
	Relation.Measures measures(long[] query, long[] document) {
		int i = 0;
		int j = 0;
		int shared = 0;
		int sharedMods = 0;
		int boilerplateMods = 0;
		while (i < query.length && j < document.length) {
			if (query[i] < document[j]) {
				i++;
			}
			else if (query[i] > document[j]) {
				j++;
			}
			else {
				shared++;
				int key = Sketch.key(query[i]);
				if (Sketch.mod(key)) {
					sharedMods++;
					if (this.samples.stopped(key)) {
						boilerplateMods++;
					}
				}
				i++;
				j++;
			}
		}
		double rare = sharedMods == 0 ? shared : shared * (double) (sharedMods - boilerplateMods) / sharedMods;
		return Relation.Measures.of(shared, query.length, document.length, rare);
	}

	private int touched;

	private int scanned;

	private volatile int lastScanned;

	private int[] touchedSlots = new int[256];

	private int[] hits = new int[0];

	private int[] modHits = new int[0];

	private boolean[] lsh = new boolean[0];

	/** Bytes held per document by the arrays of the index. */
	long bytes() {
		return this.samples.bytes() + this.fine.bytes() + this.bands.bytes() + 12L * this.ids.length;
	}

	static long[] shingles(String text) {
		return Shingles.of(text);
	}

}
