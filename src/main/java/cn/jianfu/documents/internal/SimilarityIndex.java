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
	 * Most postings a query reads: beyond it, the query's most frequent sampled keys are
	 * left out (as if they were stop keys for this query), rarest first kept.
	 */
	static final int POSTINGS_BUDGET = 20_000;

	private static final int HIT = 1;

	private static final int MOD_HIT = 1 << 16;

	private static final int LSH = 1 << 30;

	/**
	 * Candidates for a query given by its sorted shingles, best first, at most
	 * {@code limit}, with an estimated containment either way of at least {@code minimum}
	 * or an LSH hit. Looks up the query's 1-in-32 keys (and its 1-in-8 keys among short
	 * documents), rarest first within {@link #POSTINGS_BUDGET} postings, and its 16
	 * bands; one packed tally per document slot, no boxing, no per-key allocation.
	 */
	List<Candidate> candidates(long[] shingles, double minimum, int limit) {
		int[] modKeys = Sketch.keys(shingles, Sketch::mod);
		int[] bandKeys = Sketch.bands(shingles);
		synchronized (this.lock) {
			int[] fineKeys = this.fine.size() == 0 ? new int[0] : Sketch.keys(shingles, Sketch::fine);
			if (this.counts.length < this.size) {
				this.counts = new int[this.ids.length];
			}
			this.touched = 0;
			this.scanned = 0;
			// where each key's postings start and how many there are
			int keys = modKeys.length + fineKeys.length;
			int[] starts = new int[keys];
			long[] order = new long[keys];
			long total = 0;
			for (int k = 0; k < keys; k++) {
				boolean mod = k < modKeys.length;
				Postings postings = mod ? this.samples : this.fine;
				int key = mod ? modKeys[k] : fineKeys[k - modKeys.length];
				int from = postings.first(key);
				int to = from;
				while (to < postings.frozen() && postings.key(to) == key) {
					to++;
				}
				if (mod && to == from && postings.stopped(key)) {
					from = -1;
				}
				starts[k] = from;
				order[k] = ((long) (to - from) << 32) | k;
				total += Math.max(0, to - from);
			}
			if (total > POSTINGS_BUDGET) {
				Arrays.sort(order);
			}
			int queryMods = 0;
			long read = 0;
			for (long o : order) {
				int k = (int) o;
				int length = (int) (o >>> 32);
				if (starts[k] < 0) {
					continue;
				}
				if (read + length > POSTINGS_BUDGET) {
					// this key and every longer one are left out for this query
					break;
				}
				read += length;
				boolean mod = k < modKeys.length;
				Postings postings = mod ? this.samples : this.fine;
				int key = mod ? modKeys[k] : fineKeys[k - modKeys.length];
				if (mod) {
					queryMods++;
				}
				int increment = mod ? HIT | MOD_HIT : HIT;
				for (int i = starts[k], end = i + length; i < end; i++) {
					tally(postings.slot(i), increment);
				}
				if (postings.hasRecent()) {
					postings.find(key, slot -> tally(slot, increment));
				}
			}
			for (int band : bandKeys) {
				for (int i = this.bands.first(band), end = this.bands.frozen(); i < end
						&& this.bands.key(i) == band; i++) {
					lsh(this.bands.slot(i));
				}
				if (this.bands.hasRecent()) {
					this.bands.find(band, this::lsh);
				}
			}
			int[] counts = this.counts;
			List<Candidate> found = new ArrayList<>();
			int qm = Math.max(1, queryMods);
			for (int t = 0; t < this.touched; t++) {
				int slot = this.touchedSlots[t];
				int c = counts[slot];
				counts[slot] = 0;
				int hits = c & 0xffff;
				int modHits = (c >>> 16) & 0x3fff;
				boolean lsh = (c & LSH) != 0;
				double inQuery = this.sampleCount[slot] <= 0 ? 0
						: Math.min(1.0, (double) hits / this.sampleCount[slot]);
				double ofQuery = Math.min(1.0, (double) modHits / qm);
				int union = qm + this.modCount[slot] - modHits;
				double jaccard = union <= 0 ? 0 : (double) modHits / union;
				if (lsh || (hits >= 2 && Math.max(inQuery, ofQuery) >= minimum)) {
					found.add(new Candidate(slot, inQuery, ofQuery, jaccard, lsh));
				}
			}
			found.sort((a, b) -> Double.compare(b.score(), a.score()));
			this.lastScanned = this.scanned;
			return found.size() > limit ? new ArrayList<>(found.subList(0, limit)) : found;
		}
	}

	/** Postings the last query read (a diagnostic for the benchmark). */
	int lastScanned() {
		return this.lastScanned;
	}

	private void tally(int slot, int increment) {
		this.scanned++;
		int c = this.counts[slot];
		if (c == 0) {
			push(slot);
		}
		this.counts[slot] = c + increment;
	}

	private void lsh(int slot) {
		this.scanned++;
		int c = this.counts[slot];
		if (c == 0) {
			push(slot);
		}
		this.counts[slot] = c | LSH;
	}

	private void push(int slot) {
		if (this.touched == this.touchedSlots.length) {
			this.touchedSlots = Arrays.copyOf(this.touchedSlots, this.touched * 2);
		}
		this.touchedSlots[this.touched++] = slot;
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

	/**
	 * Per-slot tallies of the running query: hits in the low 16 bits, 1-in-32 hits in the
	 * next 14, an LSH hit in bit 30.
	 */
	private int[] counts = new int[0];

	/** Bytes held per document by the arrays of the index. */
	long bytes() {
		return this.samples.bytes() + this.fine.bytes() + this.bands.bytes() + 12L * this.ids.length;
	}

	static long[] shingles(String text) {
		return Shingles.of(text);
	}

}
