package cn.jianfu.platform.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses the database before anything connects: PostgreSQL when {@code JIANFU_DB_URL} is
 * set, otherwise an H2 file database under the data directory ({@code jianfu.data-dir},
 * env {@code JIANFU_DATA_DIR}, default {@code ./data}), so that {@code java -jar} works
 * on a bare machine.
 * <p>
 * An explicit {@code spring.datasource.url} wins over both. H2 runs in PostgreSQL mode so
 * that one set of migrations and queries serves both databases, and with
 * {@code AUTO_SERVER} so that a command-line tool can open the file while the platform
 * runs.
 */
class DataDirectory implements EnvironmentPostProcessor {

	static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		Map<String, Object> properties = new HashMap<>();
		String url = environment.getProperty("JIANFU_DB_URL");
		if (StringUtils.hasText(url)) {
			properties.put("spring.datasource.url", url);
			properties.put("spring.datasource.username", environment.getProperty("JIANFU_DB_USER", "jianfu"));
			properties.put("spring.datasource.password", environment.getProperty("JIANFU_DB_PASSWORD", ""));
		}
		else {
			Path dir = Path.of(environment.getProperty("jianfu.data-dir", "./data")).toAbsolutePath().normalize();
			properties.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("jianfu") + H2_OPTIONS);
			properties.put("spring.datasource.username", "sa");
			properties.put("spring.datasource.password", "");
		}
		environment.getPropertySources().addLast(new MapPropertySource("jianfuDatabase", properties));
	}

}
