package cn.jianfu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the Chinese and English messages in step, bundle by bundle: the same keys, no
 * empty values, no key in two bundles, every bundle configured, and every literal
 * {@code #{key}} of a template present.
 */
class MessagesTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	/** The Chinese bundles: the shell's and one per module under {@code i18n/}. */
	static List<String> bundles() throws IOException {
		List<String> bundles = new ArrayList<>(List.of("messages"));
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
			files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".properties") && !n.endsWith("_en.properties"))
				.map(n -> "i18n/" + n.substring(0, n.length() - ".properties".length()))
				.sorted()
				.forEach(bundles::add);
		}
		return bundles;
	}

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		for (String bundle : bundles()) {
			Properties chinese = load(bundle + ".properties");
			Properties english = load(bundle + "_en.properties");
			assertThat(new TreeSet<>(english.stringPropertyNames())).as(bundle)
				.containsExactlyElementsOf(new TreeSet<>(chinese.stringPropertyNames()));
		}
	}

	@Test
	void noKeyIsInTwoBundles() throws IOException {
		Map<String, String> owner = new HashMap<>();
		for (String bundle : bundles()) {
			for (String key : load(bundle + ".properties").stringPropertyNames()) {
				String before = owner.put(key, bundle);
				assertThat(before).as(key + " in " + bundle + " and " + before).isNull();
			}
		}
	}

	@Test
	void everyBundleIsConfigured() throws IOException {
		Properties application = load("application.properties");
		assertThat(List.of(application.getProperty("spring.messages.basename").split(",")))
			.containsExactlyInAnyOrderElementsOf(bundles());
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String bundle : bundles()) {
			for (String file : new String[] { bundle + ".properties", bundle + "_en.properties" }) {
				Properties messages = load(file);
				assertThat(messages.stringPropertyNames()).as(file)
					.allSatisfy(key -> assertThat(messages.getProperty(key)).as(file + ": " + key).isNotBlank());
			}
		}
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		Set<String> keys = new HashSet<>();
		for (String bundle : bundles()) {
			keys.addAll(load(bundle + ".properties").stringPropertyNames());
		}
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
				while (matcher.find()) {
					if (!keys.contains(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
