package cn.jianfu.documents.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's exact reference, computed in one pass over the corpus for all sampled
 * queries at once: every query shingle is entered in a primitive hash table that names
 * the queries holding it, so each document is shingled once and its overlap with every
 * query counted exactly (no per-query pass, no boxing). The same pass counts each query
 * shingle's document frequency; partial reuse is decided at the end, when the frequencies
 * are complete, by leaving out shared shingles held by more than {@code maxDf} documents
 * (boilerplate) — the definition the index applies too.
 */
final class BenchExact {

	private final int[] queries;

	private final String[] texts;

	private final long[][] sets;

	/** A 1-bit prefilter over the table: most document shingles are in no query. */
	private final long[] filter;

	private final int filterMask;

	private final long[] tableKeys;

	private final int[] tableEntries;

	private final int tableMask;

	/** The owner set of each entry; the sets' queries in {@link #owners}. */
	private final int[] entrySet;

	private final int[] ownersStart;

	private final int[] setCount;

	private final int[] touchedSets;

	private final int[] owners;

	private final int[] df;

	private final int[] shared;

	private final int[] touched;

	private final List<List<Long>> contains = new ArrayList<>();

	private final List<Pending> pending = new ArrayList<>();

	final Map<Long, Relation> truth = new HashMap<>();

	final Map<Long, Double> inQuery = new HashMap<>();

	/** A pair whose overlap reaches partial reuse before boilerplate is discounted. */
	private record Pending(int query, int document, int documentSize, int shared, long[] bits) {
	}

	BenchExact(int[] queries, String[] texts, long[][] sets) {
		this.queries = queries;
		this.texts = texts;
		this.sets = sets;
		long total = 0;
		for (long[] set : sets) {
			total += set.length;
		}
		int capacity = Integer.highestOneBit((int) Math.max(16, total * 2)) << 1;
		this.tableKeys = new long[capacity];
		this.tableEntries = new int[capacity];
		Arrays.fill(this.tableEntries, -1);
		this.tableMask = capacity - 1;
		this.filter = new long[1 << 19];
		this.filterMask = (this.filter.length << 6) - 1;
		int entries = 0;
		int[] counts = new int[(int) Math.min(Integer.MAX_VALUE - 8, total + 1)];
		int[][] entryOf = new int[sets.length][];
		for (int k = 0; k < sets.length; k++) {
			entryOf[k] = new int[sets[k].length];
			for (int i = 0; i < sets[k].length; i++) {
				long h = sets[k][i];
				int slot = probe(h);
				if (this.tableEntries[slot] < 0) {
					this.tableKeys[slot] = h;
					this.tableEntries[slot] = entries++;
					int bit = filterBit(h);
					this.filter[bit >>> 6] |= 1L << bit;
				}
				int e = this.tableEntries[slot];
				counts[e]++;
				entryOf[k][i] = e;
			}
		}
		int[] entryStart = new int[entries + 1];
		for (int e = 0; e < entries; e++) {
			entryStart[e + 1] = entryStart[e] + counts[e];
		}
		int[] entryOwners = new int[entryStart[entries]];
		int[] fill = Arrays.copyOf(entryStart, entries);
		for (int k = 0; k < sets.length; k++) {
			for (int e : entryOf[k]) {
				entryOwners[fill[e]++] = k;
			}
		}
		// entries held by the same queries (a boilerplate sentence's shingles, a query's
		// own text) share one owner set: a document counts its entries per set, then adds
		// each set's count to its queries once
		Map<List<Integer>, Integer> setIds = new HashMap<>();
		List<int[]> ownerSets = new ArrayList<>();
		this.entrySet = new int[entries];
		for (int e = 0; e < entries; e++) {
			int[] list = Arrays.copyOfRange(entryOwners, entryStart[e], entryStart[e + 1]);
			List<Integer> boxed = Arrays.stream(list).boxed().toList();
			Integer id = setIds.get(boxed);
			if (id == null) {
				id = ownerSets.size();
				setIds.put(boxed, id);
				ownerSets.add(list);
			}
			this.entrySet[e] = id;
		}
		this.ownersStart = new int[ownerSets.size() + 1];
		for (int i = 0; i < ownerSets.size(); i++) {
			this.ownersStart[i + 1] = this.ownersStart[i] + ownerSets.get(i).length;
		}
		this.owners = new int[this.ownersStart[ownerSets.size()]];
		for (int i = 0; i < ownerSets.size(); i++) {
			System.arraycopy(ownerSets.get(i), 0, this.owners, this.ownersStart[i], ownerSets.get(i).length);
		}
		this.setCount = new int[ownerSets.size()];
		this.touchedSets = new int[ownerSets.size()];
		this.df = new int[entries];
		this.shared = new int[sets.length];
		this.touched = new int[sets.length];
		for (int k = 0; k < sets.length; k++) {
			this.contains.add(new ArrayList<>());
		}
	}

	private int filterBit(long h) {
		return (int) (h ^ (h >>> 29)) & this.filterMask;
	}

	private int probe(long h) {
		int slot = (int) (h ^ (h >>> 32)) & this.tableMask;
		while (this.tableEntries[slot] >= 0 && this.tableKeys[slot] != h) {
			slot = (slot + 1) & this.tableMask;
		}
		return slot;
	}

	private int entry(long h) {
		int bit = filterBit(h);
		if ((this.filter[bit >>> 6] & (1L << bit)) == 0) {
			return -1;
		}
		return this.tableEntries[probe(h)];
	}

	/** Counts document d (its text and sorted shingle set) against every query. */
	void add(int d, String text, long[] doc) {
		int setsTouched = 0;
		for (long h : doc) {
			int e = entry(h);
			if (e < 0) {
				continue;
			}
			this.df[e]++;
			int set = this.entrySet[e];
			if (this.setCount[set]++ == 0) {
				this.touchedSets[setsTouched++] = set;
			}
		}
		int touchedCount = 0;
		for (int t = 0; t < setsTouched; t++) {
			int set = this.touchedSets[t];
			int count = this.setCount[set];
			this.setCount[set] = 0;
			for (int o = this.ownersStart[set], end = this.ownersStart[set + 1]; o < end; o++) {
				int k = this.owners[o];
				if (this.shared[k] == 0) {
					this.touched[touchedCount++] = k;
				}
				this.shared[k] += count;
			}
		}
		for (int t = 0; t < touchedCount; t++) {
			int k = this.touched[t];
			int common = this.shared[k];
			this.shared[k] = 0;
			int q = this.queries[k];
			if (q == d) {
				continue;
			}
			Relation.Measures m = Relation.Measures.of(common, this.sets[k].length, doc.length, common);
			Relation relation = Relation.of(m, this.texts[k], text);
			if (relation == null) {
				continue;
			}
			long key = (long) q << 32 | d;
			if (relation == Relation.PARTIAL) {
				this.pending.add(new Pending(k, d, doc.length, common, bits(this.sets[k], doc)));
				continue;
			}
			this.truth.put(key, relation);
			this.inQuery.put(key, m.inQuery());
			if (relation == Relation.CONTAINS) {
				this.contains.get(k).add(key);
			}
		}
	}

	/** Which of the query's shingles the document holds. */
	private static long[] bits(long[] query, long[] doc) {
		long[] bits = new long[(query.length + 63) >>> 6];
		int i = 0;
		int j = 0;
		while (i < query.length && j < doc.length) {
			if (query[i] < doc[j]) {
				i++;
			}
			else if (query[i] > doc[j]) {
				j++;
			}
			else {
				bits[i >>> 6] |= 1L << i;
				i++;
				j++;
			}
		}
		return bits;
	}

	/**
	 * Completes the reference once every document is counted: bundles, and partial reuse
	 * with boilerplate (shingles held by more than maxDf documents) discounted. Returns
	 * how many pairs reached partial reuse only on boilerplate.
	 */
	int finish(int maxDf) {
		for (List<Long> keys : this.contains) {
			if (keys.size() >= 2) {
				keys.forEach(key -> this.truth.put(key, Relation.BUNDLES));
			}
		}
		int onBoilerplate = 0;
		for (Pending p : this.pending) {
			long[] set = this.sets[p.query()];
			int rare = 0;
			for (int i = 0; i < set.length; i++) {
				if ((p.bits()[i >>> 6] & (1L << i)) != 0 && this.df[entry(set[i])] <= maxDf) {
					rare++;
				}
			}
			Relation.Measures m = Relation.Measures.of(p.shared(), set.length, p.documentSize(), rare);
			if (m.reuse() >= Relation.PARTIAL_REUSE) {
				long key = (long) this.queries[p.query()] << 32 | p.document();
				this.truth.put(key, Relation.PARTIAL);
				this.inQuery.put(key, m.inQuery());
			}
			else {
				onBoilerplate++;
			}
		}
		return onBoilerplate;
	}

}
