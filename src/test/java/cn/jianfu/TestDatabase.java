package cn.jianfu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Chooses the database of a {@link DatabaseTest}: a fresh in-memory H2 database per
 * application context, or, when {@code jianfu.test.database=postgresql}, a fresh
 * PostgreSQL database per test JVM, dropped when the JVM exits.
 */
public final class TestDatabase
		implements ApplicationContextInitializer<ConfigurableApplicationContext>, ExecutionCondition {

	static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	static final String USER = "postgres";

	private static String postgresDatabase;

	/** The contexts using the PostgreSQL database, closed before it is dropped. */
	private static final List<ConfigurableApplicationContext> contexts = new CopyOnWriteArrayList<>();

	/** The PostgreSQL databases this JVM created, dropped when it exits. */
	private static final List<String> databases = new CopyOnWriteArrayList<>();

	public static boolean onPostgres() {
		return "postgresql".equals(System.getProperty("jianfu.test.database"));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!onPostgres() || reachable()) {
			return ConditionEvaluationResult.enabled("database available");
		}
		String message = "PostgreSQL is not reachable at 127.0.0.1:5432 (user postgres): skipping the PostgreSQL run";
		if (External.required()) {
			throw new IllegalStateException(message + ", but jianfu.require-external is true");
		}
		return ConditionEvaluationResult.disabled(message);
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (onPostgres()) {
			contexts.add(context);
		}
		String url = onPostgres() ? (ownDatabase(context) ? SERVER + createPostgresDatabase() : postgresUrl())
				: "jdbc:h2:mem:jianfu-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("jianfuTestDatabase",
					Map.of("spring.datasource.url", url, "spring.datasource.username", onPostgres() ? USER : "sa",
							"spring.datasource.password", "", "jianfu.data-dir", dataDirectory())));
	}

	/**
	 * A data directory of the context's own (uploads, the search index), so that contexts
	 * of one test run never share files nor write into the checkout.
	 */
	private static String dataDirectory() {
		try {
			Path directory = Files.createTempDirectory("jianfu-test-data-");
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(directory.toFile())));
			return directory.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean reachable() {
		try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static synchronized String postgresUrl() {
		if (postgresDatabase == null) {
			postgresDatabase = createPostgresDatabase();
		}
		return SERVER + postgresDatabase;
	}

	/**
	 * A database of the context's own, for a test that needs an empty one on PostgreSQL
	 * too (property {@code jianfu.test.own-database=true}), e.g. one that loads the demo
	 * year, which runs only where there are no demands yet.
	 */
	private static boolean ownDatabase(ConfigurableApplicationContext context) {
		return Boolean.parseBoolean(context.getEnvironment().getProperty("jianfu.test.own-database", "false"));
	}

	private static synchronized String createPostgresDatabase() {
		String name = "jianfu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("create database " + name);
		if (databases.isEmpty()) {
			// Close the contexts first: shutdown hooks run concurrently, and a context
			// closing after the drop waits for a connection to a database that is gone
			// (the event publication registry reads it on close).
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				contexts.forEach(ConfigurableApplicationContext::close);
				databases.forEach(database -> execute("drop database if exists " + database + " with (force)"));
			}));
		}
		databases.add(name);
		return name;
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL: " + sql + ": " + ex.getMessage(), ex);
		}
	}

}
