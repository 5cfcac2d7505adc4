package cn.jianfu.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A smoke run of {@code bench documents} on a tiny corpus: it completes, prints every
 * section, and the corpus is the same for the same seed.
 */
class DocumentsBenchTests {

	@Test
	void runsOnATinyCorpusAndPrintsEverySection() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit = new DocumentsBench().run(List.of("--docs", "60", "--queries", "10", "--seed", "7"),
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String out = bytes.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(out).isZero();
		assertThat(out).contains("corpus 语料: 60 documents", "index 索引", "related query", "near-duplicate", "contains",
				"MoreLikeThis", "parse throughput", "docx");
	}

	@Test
	void refusesAnUnknownOption() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		assertThat(
				new DocumentsBench().run(List.of("--bogus", "1"), new PrintStream(bytes, true, StandardCharsets.UTF_8)))
			.isEqualTo(2);
	}

	@Test
	void generatesTheSameCorpusForTheSameSeed() {
		BenchCorpus a = new BenchCorpus(9, 40);
		BenchCorpus b = new BenchCorpus(9, 40);
		for (int i = 0; i < 40; i++) {
			assertThat(a.text(i)).isEqualTo(b.text(i));
		}
		assertThat(new BenchCorpus(10, 40).text(0)).isNotEqualTo(a.text(0));
	}

}
