package cn.jianfu.catalogue.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jianfu.platform.Problem;

/**
 * Matches proposed field names against the stored catalogue, with an index rebuilt when
 * the catalogue has changed.
 */
@Component
public class Matcher {

	/** Most names one request may match. */
	public static final int MAX_NAMES = 1000;

	private final Indicators indicators;

	private volatile Built built = new Built(-1, new MatchIndex(List.of()));

	Matcher(Indicators indicators) {
		this.indicators = indicators;
	}

	public List<MatchIndex.Result> match(List<String> names) {
		if (names.size() > MAX_NAMES) {
			throw Problem.badRequest("catalogue.too-many-names", MAX_NAMES);
		}
		for (String name : names) {
			if (name == null || name.isBlank() || name.length() > Indicator.NAME_LENGTH) {
				throw Problem.badRequest("catalogue.bad-name", Indicator.NAME_LENGTH);
			}
		}
		return index().match(names);
	}

	public MatchIndex.Result match(String name) {
		return match(List.of(name)).get(0);
	}

	MatchIndex index() {
		Built current = this.built;
		long changes = this.indicators.changes();
		if (current.changes != changes) {
			synchronized (this) {
				current = this.built;
				if (current.changes != changes) {
					List<MatchIndex.Entry> entries = this.indicators.all()
						.stream()
						.map(i -> new MatchIndex.Entry(i.code(), i.name(), i.unitOfMeasure()))
						.toList();
					current = new Built(changes, new MatchIndex(entries));
					this.built = current;
				}
			}
		}
		return current.index;
	}

	private record Built(long changes, MatchIndex index) {
	}

}
