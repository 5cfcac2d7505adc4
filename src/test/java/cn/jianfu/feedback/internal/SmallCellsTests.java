package cn.jianfu.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * RELIABILITY row 15 for the suppression itself: over seeded random distributions, no
 * published count is below 5, and no suppressed cell can be worked out from the published
 * cells and the totals. Recoverability is checked independently of the code under test:
 * the totals' equations form a bipartite graph (row equations, column equations, one edge
 * per suppressed cell), and a suppressed cell is determined exactly when its edge lies on
 * no cycle.
 */
class SmallCellsTests {

	@Test
	void publishesNoCountBelowFiveAndNoRecoverableCellOverRandomDistributions() {
		Random random = new Random(20261126L);
		int suppressedSomething = 0;
		for (int trial = 0; trial < 3000; trial++) {
			int rows = 1 + random.nextInt(8);
			int columns = 1 + random.nextInt(12);
			long[][] counts = new long[rows][columns];
			int shape = random.nextInt(4);
			for (int i = 0; i < rows; i++) {
				for (int j = 0; j < columns; j++) {
					counts[i][j] = switch (shape) {
						case 0 -> random.nextInt(6);
						case 1 -> random.nextInt(30);
						case 2 -> random.nextDouble() < 0.3 ? random.nextInt(5) : 5 + random.nextInt(200);
						default -> (long) Math.floor(Math.exp(random.nextGaussian() * 1.5 + 1));
					};
				}
			}
			Long[][] published = SmallCells.publish(counts);
			assertPublished(counts, published, "trial " + trial);
			if (hiddenCount(published) > 0) {
				suppressedSomething++;
			}
		}
		assertThat(suppressedSomething).as("trials that suppressed something").isGreaterThan(1000);
	}

	@Test
	void suppressesASecondCellWhereTheTotalWouldRevealTheFirst() {
		Long[][] published = SmallCells.publish(new long[][] { { 3, 10, 12 }, { 20, 30, 40 } });
		assertThat(published[0][0]).isNull();
		assertThat(published[0][1]).as("the smallest other cell of the row").isNull();
		assertThat(published[1][0]).as("and of the column").isNull();
		assertPublished(new long[][] { { 3, 10, 12 }, { 20, 30, 40 } }, published, "example");
	}

	@Test
	void publishesEverythingWhenNoCellIsSmall() {
		Long[][] published = SmallCells.publish(new long[][] { { 5, 6 }, { 7, 8 } });
		assertThat(hiddenCount(published)).isZero();
		assertThat(published[2][2]).isEqualTo(26L);
	}

	@Test
	void suppressesASmallTotal() {
		Long[][] published = SmallCells.publish(new long[][] { { 1, 2 } });
		assertThat(published[0][2]).isNull();
		assertThat(published[1][2]).isNull();
	}

	static void assertPublished(long[][] counts, Long[][] published, String what) {
		int rows = counts.length;
		int columns = counts[0].length;
		assertThat(published).hasNumberOfRows(rows + 1);
		long grand = 0;
		long[] rowTotals = new long[rows];
		long[] columnTotals = new long[columns];
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < columns; j++) {
				rowTotals[i] += counts[i][j];
				columnTotals[j] += counts[i][j];
				grand += counts[i][j];
			}
		}
		for (int i = 0; i <= rows; i++) {
			for (int j = 0; j <= columns; j++) {
				long actual = i < rows && j < columns ? counts[i][j]
						: i < rows ? rowTotals[i] : j < columns ? columnTotals[j] : grand;
				if (published[i][j] != null) {
					assertThat(published[i][j]).as(what + " cell " + i + "," + j).isEqualTo(actual);
					assertThat(published[i][j]).as(what + " cell " + i + "," + j).isGreaterThanOrEqualTo(5);
				}
			}
		}
		for (int i = 0; i <= rows; i++) {
			for (int j = 0; j <= columns; j++) {
				if (published[i][j] == null) {
					assertThat(onCycle(published, i, j))
						.as(what + ": suppressed cell " + i + "," + j + " can be worked out from the totals")
						.isTrue();
				}
			}
		}
	}

	/**
	 * Whether row vertex i and column vertex j stay connected through other suppressed
	 * cells once the edge (i, j) is removed.
	 */
	static boolean onCycle(Long[][] published, int row, int column) {
		int rows = published.length;
		int columns = published[0].length;
		List<List<Integer>> edges = new ArrayList<>();
		for (int v = 0; v < rows + columns; v++) {
			edges.add(new ArrayList<>());
		}
		for (int i = 0; i < rows; i++) {
			for (int j = 0; j < columns; j++) {
				if (published[i][j] == null && !(i == row && j == column)) {
					edges.get(i).add(rows + j);
					edges.get(rows + j).add(i);
				}
			}
		}
		boolean[] seen = new boolean[rows + columns];
		Deque<Integer> todo = new ArrayDeque<>();
		todo.add(row);
		seen[row] = true;
		while (!todo.isEmpty()) {
			int v = todo.poll();
			if (v == rows + column) {
				return true;
			}
			for (int w : edges.get(v)) {
				if (!seen[w]) {
					seen[w] = true;
					todo.add(w);
				}
			}
		}
		return false;
	}

	private static int hiddenCount(Long[][] published) {
		int hidden = 0;
		for (Long[] row : published) {
			for (Long cell : row) {
				if (cell == null) {
					hidden++;
				}
			}
		}
		return hidden;
	}

}
