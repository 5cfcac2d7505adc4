package cn.jianfu.platform;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark that {@code java -jar jianfu.jar bench NAME ARGS} runs on the machine at
 * hand; modules contribute suites as beans, and their numbers are printed, never asserted
 * by tests.
 */
public interface BenchSuite {

	/** The word that selects this suite, such as {@code audit}. */
	String name();

	/** One line saying what the suite measures and which options it takes. */
	String description();

	/** Runs the suite and returns an exit code as {@link Subcommand#run} does. */
	int run(List<String> args, PrintStream out);

	/**
	 * Reads options given as {@code --name N} (whole numbers ≥ 0) against their defaults;
	 * an unknown name, a missing or a bad number is an {@link IllegalArgumentException}
	 * whose message says which.
	 */
	static Map<String, Integer> options(List<String> args, Map<String, Integer> defaults) {
		Map<String, Integer> values = new LinkedHashMap<>(defaults);
		for (int i = 0; i < args.size(); i += 2) {
			String name = args.get(i);
			if (!defaults.containsKey(name)) {
				throw new IllegalArgumentException("unknown argument " + name + "; options: " + defaults.keySet());
			}
			if (i + 1 >= args.size()) {
				throw new IllegalArgumentException(name + " needs a number");
			}
			try {
				int value = Integer.parseInt(args.get(i + 1));
				if (value < 0) {
					throw new NumberFormatException();
				}
				values.put(name, value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(name + " needs a whole number ≥ 0, not " + args.get(i + 1));
			}
		}
		return values;
	}

	/**
	 * The p-th percentile (0–100) of the values by the nearest-rank method; the median is
	 * the 50th.
	 */
	static double percentile(double[] values, double p) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

}
