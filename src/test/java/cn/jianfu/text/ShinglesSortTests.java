package cn.jianfu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The bucket sort of shingle hashes orders like Arrays.sort, on any input. */
class ShinglesSortTests {

	@Test
	void sortsLikeArraysSortOnMixedRepeatedAndSkewedHashes() {
		SplittableRandom random = new SplittableRandom(1);
		for (int n : new int[] { 0, 1, 255, 256, 3000, 20_000 }) {
			long[] mixed = random.longs(n).toArray();
			long[] repeated = random.longs(n, 0, 5).toArray();
			long[] skewed = random.longs(n, Long.MAX_VALUE - 1000, Long.MAX_VALUE).toArray();
			for (long[] input : new long[][] { mixed, repeated, skewed }) {
				long[] expected = input.clone();
				Arrays.sort(expected);
				long[] actual = input.clone();
				Shingles.sort(actual);
				assertThat(actual).isEqualTo(expected);
			}
		}
		assertThat(Shingles.of("关于做好二〇二五年度社会救助专项检查工作的通知各镇人民政府")).isSorted();
	}

}
