package cn.jianfu.feedback.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Small-cell suppression for a published table of counts with row totals, column totals
 * and a grand total: no count below {@value #THRESHOLD} is published (primary
 * suppression), and further cells are suppressed until no suppressed cell can be worked
 * out from the published ones and the totals (secondary suppression).
 * <p>
 * A suppressed cell is recoverable exactly when its unit vector lies in the row space of
 * the totals' equations restricted to the suppressed cells; this is checked by Gaussian
 * elimination (over a prime field; the equations have coefficients ±1), and while any
 * cell is recoverable the smallest published cell in its row or column is suppressed too.
 */
public final class SmallCells {

	/** The smallest count that is published. */
	public static final int THRESHOLD = 5;

	private static final long P = 1_000_000_007L;

	private SmallCells() {
	}

	/**
	 * The table as published: {@code rows + 1} rows of {@code columns + 1} values (the
	 * last row and column are the totals); null where suppressed.
	 */
	public static @Nullable Long[][] publish(long[][] counts) {
		int rows = counts.length;
		int columns = rows == 0 ? 0 : counts[0].length;
		long[][] full = new long[rows + 1][columns + 1];
		for (int i = 0; i < rows; i++) {
			if (counts[i].length != columns) {
				throw new IllegalArgumentException("ragged table");
			}
			for (int j = 0; j < columns; j++) {
				if (counts[i][j] < 0) {
					throw new IllegalArgumentException("negative count");
				}
				full[i][j] = counts[i][j];
				full[i][columns] += counts[i][j];
				full[rows][j] += counts[i][j];
				full[rows][columns] += counts[i][j];
			}
		}
		boolean[][] hidden = new boolean[rows + 1][columns + 1];
		for (int i = 0; i <= rows; i++) {
			for (int j = 0; j <= columns; j++) {
				hidden[i][j] = full[i][j] < THRESHOLD;
			}
		}
		for (int[] cell; (cell = recoverable(hidden)) != null;) {
			int[] partner = partner(full, hidden, cell[0], cell[1]);
			hidden[partner[0]][partner[1]] = true;
		}
		@Nullable Long[][] published = new Long[rows + 1][columns + 1];
		for (int i = 0; i <= rows; i++) {
			for (int j = 0; j <= columns; j++) {
				published[i][j] = hidden[i][j] ? null : full[i][j];
			}
		}
		return published;
	}

	/** The smallest published cell in the cell's row or column, else anywhere. */
	private static int[] partner(long[][] full, boolean[][] hidden, int row, int column) {
		int[] best = null;
		int rows = full.length;
		int columns = full[0].length;
		for (int pass = 0; pass < 2 && best == null; pass++) {
			for (int i = 0; i < rows; i++) {
				for (int j = 0; j < columns; j++) {
					boolean near = i == row || j == column;
					if (hidden[i][j] || (pass == 0 && !near)) {
						continue;
					}
					if (best == null || better(full, i, j, best, rows, columns)) {
						best = new int[] { i, j };
					}
				}
			}
		}
		if (best == null) {
			throw new IllegalStateException("a cell is recoverable although every cell is suppressed");
		}
		return best;
	}

	/** Smaller counts first; among equal counts, inner cells before totals. */
	private static boolean better(long[][] full, int i, int j, int[] best, int rows, int columns) {
		long a = full[i][j];
		long b = full[best[0]][best[1]];
		if (a != b) {
			return a < b;
		}
		boolean innerA = i < rows - 1 && j < columns - 1;
		boolean innerB = best[0] < rows - 1 && best[1] < columns - 1;
		return innerA && !innerB;
	}

	/**
	 * A suppressed cell whose value follows from the published cells and the equations of
	 * the totals, or null if there is none.
	 */
	static int @Nullable [] recoverable(boolean[][] hidden) {
		int rows = hidden.length - 1;
		int columns = hidden[0].length - 1;
		List<int[]> unknowns = new ArrayList<>();
		for (int i = 0; i <= rows; i++) {
			for (int j = 0; j <= columns; j++) {
				if (hidden[i][j]) {
					unknowns.add(new int[] { i, j });
				}
			}
		}
		int n = unknowns.size();
		if (n == 0) {
			return null;
		}
		int equations = rows + 1 + columns + 1;
		long[][] a = new long[equations][n];
		for (int k = 0; k < n; k++) {
			int i = unknowns.get(k)[0];
			int j = unknowns.get(k)[1];
			// row equation i: sum of inner cells minus the row total is zero
			a[i][k] = j == columns ? P - 1 : 1;
			// column equation j: sum of inner cells minus the column total is zero
			a[rows + 1 + j][k] = i == rows ? P - 1 : 1;
		}
		int[] pivotOfRow = new int[equations];
		int rank = 0;
		for (int col = 0; col < n && rank < equations; col++) {
			int pivot = -1;
			for (int r = rank; r < equations; r++) {
				if (a[r][col] != 0) {
					pivot = r;
					break;
				}
			}
			if (pivot < 0) {
				continue;
			}
			long[] swap = a[pivot];
			a[pivot] = a[rank];
			a[rank] = swap;
			long inverse = power(a[rank][col], P - 2);
			for (int c = 0; c < n; c++) {
				a[rank][c] = a[rank][c] * inverse % P;
			}
			for (int r = 0; r < equations; r++) {
				if (r != rank && a[r][col] != 0) {
					long factor = a[r][col];
					for (int c = 0; c < n; c++) {
						a[r][c] = ((a[r][c] - factor * a[rank][c]) % P + P) % P;
					}
				}
			}
			pivotOfRow[rank] = col;
			rank++;
		}
		for (int r = 0; r < rank; r++) {
			int nonzero = 0;
			for (int c = 0; c < n; c++) {
				if (a[r][c] != 0) {
					nonzero++;
				}
			}
			if (nonzero == 1) {
				return unknowns.get(pivotOfRow[r]);
			}
		}
		return null;
	}

	private static long power(long base, long exponent) {
		long result = 1;
		long b = base % P;
		for (long e = exponent; e > 0; e >>= 1) {
			if ((e & 1) == 1) {
				result = result * b % P;
			}
			b = b * b % P;
		}
		return result;
	}

}
