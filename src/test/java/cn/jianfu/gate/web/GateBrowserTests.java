package cn.jianfu.gate.web;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import cn.jianfu.HeadlessChromium;
import cn.jianfu.TestDatabase;

/**
 * In headless Chromium, without JavaScript of its own: an issuer drafts a document over
 * the length limit, submits it and answers the findings, the gatekeeper approves it from
 * the review queue, and the issuer issues it under a gate number; screenshots go to
 * {@code target/screenshots/gate}. Skipped where Chromium or its driver is missing,
 * unless external tools are required.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class GateBrowserTests {

	static final Path SHOTS = Path.of("target/screenshots/gate");

	@LocalServerPort
	int port;

	private WebDriver browser;

	private HeadlessChromium chromium;

	@BeforeEach
	void openBrowser() throws IOException {
		this.chromium = HeadlessChromium.open("1280,2000");
		this.browser = this.chromium.driver();
		Files.createDirectories(SHOTS);
	}

	@AfterEach
	void closeBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void aDocumentOverTheLengthLimitIsJustifiedApprovedAndIssued() throws IOException {
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("username")).sendKeys("issuer");
		this.browser.findElement(By.id("password")).sendKeys("jianfu-demo");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		this.browser.findElement(By.linkText("我的事项")).click();
		this.browser.findElement(By.linkText("新建事项")).click();
		this.browser.findElement(By.id("title")).sendKeys("关于做好冬季救助工作的通知");
		set("body", "救".repeat(5300));
		this.browser.findElement(By.id("legalBasis")).sendKeys("《社会救助暂行办法》");
		this.browser.findElement(By.cssSelector("input[name=recipientUnitCodes][value='500151001000']")).click();
		set("dueDate", China.today().plusDays(40).toString());
		for (WebElement box : this.browser.findElements(By.cssSelector("input[name=assessmentYes]"))) {
			box.click();
		}
		shoot("1-form");
		this.browser.findElement(By.cssSelector("main form > button[type=submit]")).click();
		assertShows("[role=status]", "草稿已保存");
		this.browser.findElement(By.xpath("//button[text()='提交准入审查']")).click();
		assertShows("main", "待说明理由", "文件 5300 字，超过上限 5000 字", "一、2.提升文件质量");
		shoot("2-findings");
		for (WebElement answer : this.browser.findElements(By.cssSelector("textarea[name^='answer.']"))) {
			answer.sendKeys("冬季救助须一次部署到位");
		}
		this.browser.findElement(By.xpath("//button[text()='提交说明']")).click();
		assertShows("main", "待减负办审核", "冬季救助须一次部署到位");
		shoot("3-justified");
		String demand = this.browser.getCurrentUrl();

		signOutAndIn("gatekeeper");
		this.browser.findElement(By.linkText("准入审核")).click();
		assertShows("main", "关于做好冬季救助工作的通知", "冬季救助须一次部署到位");
		shoot("4-review");
		this.browser.findElement(By.xpath("//button[text()='批准']")).click();
		assertShows("[role=status]", "已批准");

		signOutAndIn("issuer");
		this.browser.get(demand);
		this.browser.findElement(By.xpath("//button[text()='印发并取得准入编号']")).click();
		assertShows("main", "无准入编号的事项，基层可不予承办");
		assertThat(text("main")).matches("(?s).*JF-500151-\\d{4}-\\d{6}.*");
		shoot("5-issued");
		this.browser.get(url("/gate/checks"));
		shoot("6-checks");
		this.browser.get(url("/rulebook"));
		shoot("7-rulebook");
	}

	private void signOutAndIn(String username) {
		this.browser.findElement(By.cssSelector("form.logout button")).click();
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys("jianfu-demo");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
	}

	private void set(String id, String value) {
		((JavascriptExecutor) this.browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
				id, value);
	}

	private void shoot(String name) throws IOException {
		Path shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private void assertShows(String css, String... parts) {
		HeadlessChromium.assertShows(this.browser, css, parts);
	}

	private String text(String css) {
		return this.browser.findElement(By.cssSelector(css)).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
