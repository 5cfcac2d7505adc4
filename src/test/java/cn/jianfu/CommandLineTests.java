package cn.jianfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's subcommands as a user runs them: each starts its own context without a web
 * server, on the database the configuration names.
 */
class CommandLineTests {

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	PrintStream originalOut;

	String database;

	@BeforeEach
	void captureOutput() {
		this.originalOut = System.out;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
		this.database = "--spring.datasource.url=jdbc:h2:mem:cli-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	@AfterEach
	void restoreOutput() {
		System.setOut(this.originalOut);
	}

	@Test
	void importUnitsRunsWithoutAWebServerAndReportsTheFileRowAndField(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("units.csv");
		Files.writeString(file, "code,name,level,parent_code\n990000000000,测试省,1,\n990100000000,市辖区,3,990000000000\n");
		int exit = JianfuApplication.runSubcommand("import-units", new String[] { file.toString(), this.database });
		assertThat(exit).isEqualTo(2);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("units.csv 第 3 行 row 3, level")
			.contains("nothing was imported");
	}

	@Test
	void auditVerifyRunsWithoutAWebServer() {
		int exit = JianfuApplication.runSubcommand("audit", new String[] { "verify", this.database });
		assertThat(exit).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("intact");
	}

	@Test
	void commandsDoNotLoadTheDemoData(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("province.csv");
		Files.writeString(file, "code,name,level,parent_code\n990000000000,测试省,1,\n");
		assertThat(JianfuApplication.runSubcommand("import-units", new String[] { file.toString(), this.database }))
			.isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("created: 1");
		this.out.reset();
		assertThat(JianfuApplication.runSubcommand("audit", new String[] { "verify", this.database })).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).as("only the import's own audit row")
			.contains("intact: 1 rows");
	}

	@Test
	void anUnknownCommandIsAUsageError() {
		assertThat(JianfuApplication.runSubcommand("frobnicate", new String[] { this.database })).isEqualTo(2);
	}

}
