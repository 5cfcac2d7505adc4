package cn.jianfu.platform.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jianfu.platform.BenchSuite;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTests {

	private final RecordingSuite echo = new RecordingSuite();

	private final BenchCommand command = new BenchCommand(List.of(this.echo));

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void passesTheRemainingArgumentsToTheNamedSuite() {
		assertThat(run("echo", "--links", "10")).isEqualTo(7);
		assertThat(this.echo.received).containsExactly("--links", "10");
		assertThat(text(this.out)).contains("echo ran");
	}

	@Test
	void listsSuitesWithDescriptionsOnHelp() {
		assertThat(run("--help")).isZero();
		assertThat(text(this.out)).contains("echo").contains("repeats its arguments");
	}

	@Test
	void listsSuitesAndReportsWrongUsageWithoutASuite() {
		assertThat(run()).isEqualTo(2);
		assertThat(text(this.err)).contains("echo").contains("repeats its arguments");
	}

	@Test
	void rejectsAnUnknownSuite() {
		assertThat(run("nonesuch")).isEqualTo(2);
		assertThat(text(this.err)).contains("nonesuch");
		assertThat(this.echo.received).isEmpty();
	}

	private int run(String... args) {
		return this.command.run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

	static final class RecordingSuite implements BenchSuite {

		final List<String> received = new ArrayList<>();

		@Override
		public String name() {
			return "echo";
		}

		@Override
		public String description() {
			return "repeats its arguments";
		}

		@Override
		public int run(List<String> args, PrintStream out) {
			this.received.addAll(args);
			out.println("echo ran");
			return 7;
		}

	}

}
