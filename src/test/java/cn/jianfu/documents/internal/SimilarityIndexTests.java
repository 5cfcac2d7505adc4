package cn.jianfu.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jianfu.text.Shingles;

/**
 * The similarity index's consistent samples, bulk load and boilerplate discount, and the
 * benchmark's one-pass exact reference against a pair-by-pair computation.
 */
class SimilarityIndexTests {

	private static final BenchCorpus CORPUS = new BenchCorpus(5, 240);

	@Test
	void bulkLoadAnswersLikeDocumentByDocumentAdds() {
		SimilarityIndex incremental = new SimilarityIndex(40);
		SimilarityIndex bulk = new SimilarityIndex(40);
		bulk.bulk(true);
		for (int i = 0; i < CORPUS.size(); i++) {
			Sketch sketch = Sketch.of(CORPUS.text(i));
			incremental.add(i, sketch);
			bulk.add(i, sketch);
		}
		incremental.freeze();
		bulk.bulk(false);
		int related = 0;
		for (int q = 0; q < CORPUS.size(); q += 7) {
			long[] shingles = Shingles.of(CORPUS.text(q));
			List<SimilarityIndex.Candidate> a = incremental.candidates(shingles, Corpus.MINIMUM, 64);
			List<SimilarityIndex.Candidate> b = bulk.candidates(shingles, Corpus.MINIMUM, 64);
			assertThat(b).isEqualTo(a);
			related += a.size();
		}
		assertThat(related).isGreaterThan(CORPUS.size() / 7);
	}

	@Test
	void findsAShortDocumentInsideALongOneThroughItsFineSample() {
		String shortText = CORPUS.text(3).substring(0, 300);
		Sketch sketch = Sketch.of(shortText);
		assertThat(sketch.modCount()).isLessThan(Sketch.FLOOR);
		assertThat(sketch.samples().length).isGreaterThan(sketch.modCount());
		SimilarityIndex index = new SimilarityIndex(1000);
		for (int i = 10; i < 60; i++) {
			index.add(i, Sketch.of(CORPUS.text(i)));
		}
		int slot = index.add(-1, sketch);
		index.freeze();
		String query = CORPUS.text(11) + "\n" + shortText + "\n" + CORPUS.text(12);
		SimilarityIndex.Candidate found = index.candidates(Shingles.of(query), Corpus.MINIMUM, 64)
			.stream()
			.filter(c -> c.slot() == slot)
			.findFirst()
			.orElseThrow();
		assertThat(found.inQuery()).isGreaterThanOrEqualTo(0.9);
		assertThat(index.lastScanned()).isPositive();
	}

	@Test
	void readsAtMostTheBudgetOfPostingsAndStillFindsDuplicates() {
		String text = CORPUS.text(0) + CORPUS.text(1) + CORPUS.text(2);
		Sketch sketch = Sketch.of(text);
		int copies = 2 * SimilarityIndex.POSTINGS_BUDGET / sketch.modCount() + 1;
		SimilarityIndex index = new SimilarityIndex(copies + 1);
		index.bulk(true);
		for (int i = 0; i < copies; i++) {
			index.add(i, sketch);
		}
		index.bulk(false);
		List<SimilarityIndex.Candidate> found = index.candidates(Shingles.of(text), Corpus.MINIMUM, copies);
		// every copy is held by every sampled key: reading them all would be twice the
		// budget
		assertThat(index.lastScanned()).isLessThanOrEqualTo(SimilarityIndex.POSTINGS_BUDGET + 16 * copies);
		assertThat(found).hasSize(copies).allMatch(SimilarityIndex.Candidate::lsh);
	}

	@Test
	void dropsBoilerplateKeysAndDiscountsThemFromPartialReuse() {
		String boilerplate = CORPUS.text(20).substring(0, 900);
		SimilarityIndex index = new SimilarityIndex(3);
		for (int i = 0; i < 6; i++) {
			index.add(i, Sketch.of(CORPUS.text(30 + i) + "\n" + boilerplate));
		}
		index.freeze();
		long[] shared = Shingles.of(boilerplate);
		long boilerplateKeys = java.util.Arrays.stream(shared)
			.mapToInt(Sketch::key)
			.filter(Sketch::mod)
			.filter(index::boilerplate)
			.count();
		assertThat(boilerplateKeys).isPositive();
		long[] a = Shingles.of(CORPUS.text(30) + "\n" + boilerplate);
		long[] b = Shingles.of(CORPUS.text(31) + "\n" + boilerplate);
		Relation.Measures plain = Relation.Measures.of(a, b);
		Relation.Measures discounted = index.measures(a, b);
		assertThat(plain.containment()).isGreaterThanOrEqualTo(Relation.PARTIAL_REUSE);
		assertThat(discounted.containment()).isEqualTo(plain.containment());
		assertThat(discounted.reuse()).isLessThan(Relation.PARTIAL_REUSE);
		assertThat(Relation.of(plain, "", "")).isEqualTo(Relation.PARTIAL);
		assertThat(Relation.of(discounted, "", "")).isNull();
	}

	@Test
	void onePassReferenceAgreesWithPairByPairComputation() {
		int n = CORPUS.size();
		int maxDf = 12;
		int[] queries = { 15, 40, 77, 101, 150, 199, 230, 239 };
		String[] texts = new String[queries.length];
		long[][] sets = new long[queries.length][];
		for (int k = 0; k < queries.length; k++) {
			texts[k] = CORPUS.text(queries[k]);
			sets[k] = Shingles.of(texts[k]);
		}
		BenchExact exact = new BenchExact(queries, texts, sets);
		long[][] all = new long[n][];
		Map<Long, Integer> df = new HashMap<>();
		for (int d = 0; d < n; d++) {
			all[d] = Shingles.of(CORPUS.text(d));
			exact.add(d, CORPUS.text(d), all[d]);
			for (long h : all[d]) {
				df.merge(h, 1, Integer::sum);
			}
		}
		exact.finish(maxDf);

		Map<Long, Relation> expected = new HashMap<>();
		for (int k = 0; k < queries.length; k++) {
			List<Long> contains = new ArrayList<>();
			for (int d = 0; d < n; d++) {
				if (d == queries[k]) {
					continue;
				}
				int shared = 0;
				int rare = 0;
				for (long h : sets[k]) {
					if (java.util.Arrays.binarySearch(all[d], h) >= 0) {
						shared++;
						if (df.get(h) <= maxDf) {
							rare++;
						}
					}
				}
				Relation.Measures m = Relation.Measures.of(shared, sets[k].length, all[d].length, rare);
				Relation relation = Relation.of(m, texts[k], CORPUS.text(d));
				if (relation != null) {
					long key = (long) queries[k] << 32 | d;
					expected.put(key, relation);
					if (relation == Relation.CONTAINS) {
						contains.add(key);
					}
				}
			}
			if (contains.size() >= 2) {
				contains.forEach(key -> expected.put(key, Relation.BUNDLES));
			}
		}
		assertThat(exact.truth).isEqualTo(expected);
		assertThat(expected.values()).contains(Relation.PARTIAL, Relation.NEAR_DUPLICATE);
	}

}
