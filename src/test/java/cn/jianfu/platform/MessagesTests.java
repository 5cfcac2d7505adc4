package cn.jianfu.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the Chinese and English messages in step: the same keys, no empty values, and
 * every literal {@code #{key}} of a template present.
 */
class MessagesTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Properties chinese = load("messages.properties");
		Properties english = load("messages_en.properties");
		assertThat(new TreeSet<>(english.stringPropertyNames()))
			.containsExactlyElementsOf(new TreeSet<>(chinese.stringPropertyNames()));
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties messages = load(file);
			assertThat(messages.stringPropertyNames()).as(file)
				.allSatisfy(key -> assertThat(messages.getProperty(key)).as(file + ": " + key).isNotBlank());
		}
	}

	@Test
	void everyKeyUsedInTemplatesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
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
