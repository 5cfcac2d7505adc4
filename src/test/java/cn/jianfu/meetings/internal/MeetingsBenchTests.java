package cn.jianfu.meetings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The meetings bench runs small and says what is wrong with its options.
 */
class MeetingsBenchTests {

	@Test
	void runsWithSmallOptionsAndRefusesUnknownOnes() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		assertThat(new MeetingsBench().run(List.of("--meetings", "5", "--rounds", "2"), out)).isZero();
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("meetings=5 rounds=2", "ics export",
				"plain-text baseline", "clash detection");
		assertThat(new MeetingsBench().run(List.of("--events", "5"), out)).isEqualTo(2);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("unknown argument --events");
	}

}
