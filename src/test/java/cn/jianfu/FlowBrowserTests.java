package cn.jianfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The acceptance flow of the gate and the ledger in headless Chromium: an issuer's
 * document over the length limit is justified, approved by the gatekeeper and issued
 * under a gate number; the township finds it in its inbox with an estimate, logs its
 * hours, and the gatekeeper's dashboard shows the same numbers. Screenshots go to
 * {@code target/screenshots/flow}. Skipped where Chromium or its driver is missing,
 * unless external tools are required.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class FlowBrowserTests {

	static final Path SHOTS = Path.of("target/screenshots/flow");

	static final String TOWNSHIP = "500151001000";

	@LocalServerPort
	int port;

	private WebDriver browser;

	private HeadlessChromium chromium;

	@BeforeEach
	void openBrowser() throws IOException {
		this.chromium = HeadlessChromium.open("1280,1600");
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
	void aJustifiedDocumentReachesTheTownshipInboxAndItsLoggedHoursReachTheDashboard() throws IOException {
		String title = "关于做好冬季送温暖工作的通知（流程测试）";
		LocalDate due = China.today().plusDays(30);

		signIn("issuer");
		this.browser.findElement(By.linkText("我的事项")).click();
		this.browser.findElement(By.linkText("新建事项")).click();
		new Select(this.browser.findElement(By.id("kind"))).selectByValue("DOCUMENT");
		this.browser.findElement(By.id("title")).sendKeys(title);
		set("body", "暖".repeat(5200));
		this.browser.findElement(By.id("legalBasis")).sendKeys("《社会救助暂行办法》");
		WebElement township = this.browser
			.findElement(By.cssSelector("input[name=recipientUnitCodes][value='" + TOWNSHIP + "']"));
		township.click();
		assertThat(township.isSelected()).isTrue();
		set("dueDate", due.toString());
		for (WebElement box : this.browser.findElements(By.cssSelector("input[name=assessmentYes]"))) {
			box.click();
		}
		shoot("01-form");
		this.browser.findElement(By.cssSelector("main form > button[type=submit]")).click();
		assertShows("[role=status]", "草稿已保存");
		this.browser.findElement(By.xpath("//button[text()='提交准入审查']")).click();
		assertShows("main", "待说明理由", "需说明理由", "document.length", "文件 5200 字，超过上限 5000 字", "《整治形式主义为基层减负若干规定》",
				"一、2.提升文件质量");
		shoot("02-findings");
		shoot("02-findings-card", this.browser.findElement(By.xpath("//section[h2[text()='准入审查发现']]")));
		List<WebElement> answers = this.browser.findElements(By.cssSelector("textarea[name^='answer.']"));
		assertThat(answers).extracting((answer) -> answer.getAttribute("name")).contains("answer.document.length");
		for (WebElement answer : answers) {
			answer.sendKeys("冬季送温暖须一次部署到位");
		}
		this.browser.findElement(By.xpath("//button[text()='提交说明']")).click();
		assertShows("main", "待减负办审核", "冬季送温暖须一次部署到位");
		assertThat(this.browser.findElements(By.cssSelector("textarea[name^='answer.']"))).isEmpty();
		shoot("03-justified");
		String demand = this.browser.getCurrentUrl();
		String demandId = demand.replaceAll(".*/demands/(\\d+).*", "$1");

		signOutAndIn("gatekeeper");
		this.browser.findElement(By.linkText("准入审核")).click();
		assertShows("main", title, "冬季送温暖须一次部署到位");
		shoot("04-review");
		this.browser.findElement(By.xpath("//section[h2/a[normalize-space()='" + title + "']]//button[text()='批准']"))
			.click();
		assertShows("[role=status]", "已批准");

		signOutAndIn("issuer");
		this.browser.get(demand);
		this.browser.findElement(By.xpath("//button[text()='印发并取得准入编号']")).click();
		String gateNumber = text(".gate-number");
		assertThat(gateNumber).matches("JF-500151-" + China.today().getYear() + "-\\d{6}");
		shoot("05-issued");

		signOutAndIn("township");
		By row = By.xpath("//main//tr[td[normalize-space()='" + gateNumber + "']]");
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(250)).until((b) -> {
			b.get(url("/inbox"));
			return !b.findElements(row).isEmpty();
		});
		WebElement entry = this.browser.findElement(row);
		assertThat(entry.getText()).contains(title, "文件", "《社会救助暂行办法》", due.toString());
		BigDecimal estimate = new BigDecimal(entry.findElement(By.cssSelector("td.num span")).getText());
		assertThat(estimate).isPositive();
		assertThat(cell(entry, 7)).isEqualTo("—");
		this.browser.findElement(By.id("hours-" + demandId)).sendKeys("2");
		this.browser.findElement(By.xpath("//input[@id='hours-" + demandId + "']/following-sibling::button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until((b) -> cell(b.findElement(row), 7).matches("[0-9.]+"));
		assertThat(text("[role=status]")).isNotBlank();
		entry = this.browser.findElement(row);
		assertThat(new BigDecimal(cell(entry, 7))).isEqualByComparingTo("2");
		shoot("06-inbox");
		shoot("06-inbox-card", this.browser.findElement(By.xpath("//section[h2[text()='事项']]")));
		this.browser.get(url("/inbox?text=large"));
		shoot("06-inbox-large");
		this.browser.get(url("/inbox?text=normal"));

		signOutAndIn("gatekeeper");
		this.browser.findElement(By.linkText("台账")).click();
		if (due.getYear() != China.today().getYear()) {
			this.browser.get(url("/ledger?year=" + due.getYear()));
		}
		shoot("07-ledger");
		WebElement townshipRow = this.browser
			.findElement(By.xpath("//table[@id='townships-table']//tr[th[normalize-space()='巴川街道']]"));
		List<WebElement> months = townshipRow.findElements(By.tagName("td"));
		assertThat(months).hasSize(13);
		assertThat(number(months.get(due.getMonthValue() - 1))).isGreaterThanOrEqualTo(estimate);
		assertThat(number(months.get(12))).isGreaterThanOrEqualTo(estimate);
		WebElement issuerRow = this.browser
			.findElement(By.xpath("//table[@id='issuers-table']//tr[th[normalize-space()='铜梁区民政局']]"));
		List<WebElement> issuerCells = issuerRow.findElements(By.tagName("td"));
		assertThat(number(issuerCells.get(1))).isGreaterThanOrEqualTo(estimate);
		assertThat(number(issuerCells.get(2))).isGreaterThanOrEqualTo(new BigDecimal("2"));
		townshipRow.findElement(By.linkText("巴川街道")).click();
		WebElement detail = this.browser.findElement(By.xpath("//main//tr[th[normalize-space()='" + gateNumber
				+ "'] or td[normalize-space()='" + gateNumber + "']]"));
		assertThat(detail.getText()).contains(title);
		List<WebElement> numbers = detail.findElements(By.cssSelector("td.num"));
		assertThat(numbers).extracting(FlowBrowserTests::number)
			.usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.containsSubsequence(estimate, new BigDecimal("2"));
		shoot("08-ledger-township");
	}

	private void signIn(String username) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys("jianfu-demo");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout button")));
	}

	private void signOutAndIn(String username) {
		this.browser.findElement(By.cssSelector("form.logout button")).click();
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys("jianfu-demo");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout button")));
	}

	private static String cell(WebElement row, int index) {
		return row.findElements(By.tagName("td")).get(index - 1).getText().trim();
	}

	private static BigDecimal number(WebElement cell) {
		return new BigDecimal(cell.getText().trim().replace(",", ""));
	}

	private void set(String id, String value) {
		((JavascriptExecutor) this.browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
				id, value);
	}

	private void shoot(String name) throws IOException {
		Path shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private void shoot(String name, WebElement element) throws IOException {
		Path shot = element.getScreenshotAs(OutputType.FILE).toPath();
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
