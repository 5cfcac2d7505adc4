package cn.jianfu.platform.internal;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.jianfu.platform.BenchSuite;
import cn.jianfu.platform.Subcommand;

/**
 * The {@code bench} command: runs the benchmark suite named by its first argument with
 * the remaining arguments, or lists the suites.
 */
@Component
class BenchCommand implements Subcommand {

	private final List<BenchSuite> suites;

	BenchCommand(List<BenchSuite> suites) {
		this.suites = suites.stream().sorted(Comparator.comparing(BenchSuite::name)).toList();
	}

	@Override
	public String name() {
		return "bench";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty()) {
			list(err);
			return 2;
		}
		String name = args.get(0);
		if (name.equals("--help") || name.equals("-h")) {
			list(out);
			return 0;
		}
		for (BenchSuite suite : this.suites) {
			if (suite.name().equals(name)) {
				return suite.run(args.subList(1, args.size()), out);
			}
		}
		err.println("Unknown benchmark suite 未知的基准测试套件: " + name);
		list(err);
		return 2;
	}

	private void list(PrintStream out) {
		out.println("Usage 用法: bench SUITE [OPTIONS]");
		out.println("Suites 测试套件:");
		for (BenchSuite suite : this.suites) {
			out.printf("  %-12s %s%n", suite.name(), suite.description());
		}
	}

}
