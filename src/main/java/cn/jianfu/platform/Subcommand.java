package cn.jianfu.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of the jar's command line ({@code java -jar jianfu.jar NAME ARGS}), run in a
 * context without a web server.
 * <p>
 * Modules contribute commands as beans; the exit code follows the Unix convention: 0 for
 * success, 1 when the command ran and found a problem (for example a tampered audit row),
 * 2 for wrong usage or bad input.
 */
public interface Subcommand {

	/** The word that selects this command, such as {@code import-units}. */
	String name();

	int run(List<String> args, PrintStream out, PrintStream err);

}
