package cn.jianfu.shell;

import java.time.Duration;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import cn.jianfu.HeadlessChromium;
import cn.jianfu.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signs in, switches language and signs out in headless Chromium, as a user would;
 * skipped with a message where Chromium or its driver is missing, unless external tools
 * are required.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class SignInBrowserTests {

	@LocalServerPort
	int port;

	private HeadlessChromium chromium;

	private WebDriver browser;

	@BeforeEach
	void openBrowser() throws IOException {
		this.chromium = HeadlessChromium.open("1280,900");
		this.browser = this.chromium.driver();
	}

	@AfterEach
	void closeBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void signsInSwitchesLanguageAndSignsOut() {
		this.browser.get(url("/"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");

		signIn("township", "jianfu-demo");
		assertThat(this.browser.getCurrentUrl()).matches(url("/") + "(\\?continue)?");
		assertThat(text(".who")).contains("巴川街道").contains("基层").contains("发起单位");
		assertThat(text("main")).contains("巴川街道");
		assertThat(text(".site-nav")).contains("首页", "单位", "我的账号");
		assertThat(this.browser.findElements(By.cssSelector(".chart svg"))).as("ECharts drew the chart").isNotEmpty();

		this.browser.findElement(By.linkText("English")).click();
		waitForLanguage("en");
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(text(".site-nav")).contains("Home", "Units", "My account");
		assertThat(text(".who")).contains("巴川街道").contains("Grassroots");
		assertThat(text("#level-table")).contains("Village/community");

		this.browser.findElement(By.linkText("中文")).click();
		waitForLanguage("zh-CN");
		assertThat(this.browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		assertThat(text(".site-nav")).contains("单位");

		this.browser.get(url("/units/500154000000"));
		assertThat(text("h1")).as("开州区 is outside 巴川街道's scope").isEqualTo("没有找到这个页面");

		this.browser.findElement(By.cssSelector("form.logout button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/login?logout");
		assertThat(text("[role=status]")).contains("您已安全退出登录").contains("You have signed out");
		this.browser.get(url("/"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
	}

	@Test
	void wrongPasswordShowsTheErrorInBothLanguages() {
		this.browser.get(url("/login"));
		signIn("township", "not-the-password");
		assertThat(this.browser.getCurrentUrl()).endsWith("/login?error");
		assertThat(text("[role=alert]")).contains("用户名或密码错误").contains("The user name or password is wrong");
	}

	/** Signs in and waits for the page the form leads to (home, or the login error). */
	private void signIn(String username, String password) {
		String before = this.browser.getCurrentUrl();
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(password);
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
	}

	private void waitForLanguage(String lang) {
		new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
	}

	private String text(String css) {
		return this.browser.findElement(By.cssSelector(css)).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
