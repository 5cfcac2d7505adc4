package cn.jianfu.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, as every list endpoint of the API returns it: the items, the
 * zero-based page number, the page size and the total count.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	public static final int MAX_SIZE = 200;

	public Page {
		items = List.copyOf(items);
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total);
	}

	public int offset() {
		return this.page * this.size;
	}

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

	/** A requested page, checked: page ≥ 0, 1 ≤ size ≤ {@link #MAX_SIZE}. */
	public record Request(int page, int size) {

		public Request {
			if (page < 0 || size < 1 || size > MAX_SIZE) {
				throw Problem.badRequest("page.invalid", MAX_SIZE);
			}
		}

		public int offset() {
			return this.page * this.size;
		}

	}

}
