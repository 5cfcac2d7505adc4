package cn.jianfu.platform;

import java.io.PrintStream;
import java.util.List;

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

}
