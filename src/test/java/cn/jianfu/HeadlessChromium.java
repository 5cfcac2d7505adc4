package cn.jianfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium for browser tests, with a fresh profile each time: skipped
 * with a message where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is
 * missing, failed instead when external tools are required (CI). The explicit driver
 * keeps Selenium Manager from looking for, or downloading, one.
 */
public final class HeadlessChromium implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final Path profile;

	private HeadlessChromium(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts a browser whose window has the given size, e.g. {@code "1280,1600"}.
	 */
	public static HeadlessChromium open(String windowSize) throws IOException {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String message = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER
				+ ") is missing: skipping the browser tests (apt-get install chromium chromium-driver)";
		if (!present && External.required()) {
			throw new IllegalStateException(message + ", but jianfu.require-external is true");
		}
		assumeTrue(present, message);
		System.setProperty("SE_AVOID_STATS", "true");
		Path profile = Files.createTempDirectory("jianfu-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=" + windowSize, "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return new HeadlessChromium(driver, profile);
	}

	/**
	 * Asserts that the element shows every part, waiting for the page a click loads: for
	 * a moment the element may still be the previous page's (stale, or without the text).
	 */
	public static void assertShows(WebDriver driver, String css, String... parts) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
				.until(d -> {
					String shown = d.findElement(By.cssSelector(css)).getText();
					return Arrays.stream(parts).allMatch(shown::contains);
				});
		}
		catch (TimeoutException ex) {
			assertThat(driver.findElement(By.cssSelector(css)).getText()).contains(parts);
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		this.driver.quit();
		FileSystemUtils.deleteRecursively(this.profile.toFile());
	}

}
