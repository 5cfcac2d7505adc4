package cn.jianfu.meetings.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;

import cn.jianfu.HeadlessChromium;
import cn.jianfu.TestDatabase;
import cn.jianfu.gate.DemandIntake;
import cn.jianfu.meetings.internal.Convener;
import cn.jianfu.meetings.internal.MeetingDesk;
import cn.jianfu.meetings.internal.MeetingMode;
import cn.jianfu.meetings.internal.MeetingRequest;
import cn.jianfu.org.Viewer;

/**
 * The meeting form and the township's calendar in headless Chromium, in Chinese: the
 * county bureau fills in a video meeting relaying a city meeting and lands on the gate's
 * page; the township's week shows two issued meetings that clash, highlighted.
 * Screenshots go to {@code target/screenshots/meetings}. Skipped where Chromium is
 * missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class MeetingBrowserTests {

	static final Path SHOTS = Path.of("target/screenshots/meetings");

	static final String BACHUAN = "500151001000";

	@LocalServerPort
	int port;

	@Autowired
	MeetingDesk desk;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	cn.jianfu.gate.internal.Gatekeeper gatekeeper;

	@Autowired
	cn.jianfu.gate.internal.DemandDesk demands;

	private WebDriver browser;

	private HeadlessChromium chromium;

	@BeforeEach
	void openBrowser() throws IOException {
		this.chromium = HeadlessChromium.open("1280,1800");
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
	void theBureauFillsInTheMeetingFormAndTheTownshipSeesClashingMeetingsInItsWeek() throws IOException {
		LocalDate day = MeetingFlowTests.meetingDay().plusWeeks(1);
		signIn("issuer");
		this.browser.findElement(By.linkText("会议")).click();
		this.browser.findElement(By.linkText("新建会议")).click();
		this.browser.findElement(By.id("title")).sendKeys("全区民政工作视频会议（浏览器）");
		this.browser.findElement(By.cssSelector("input[name=mode][value=VIDEO]")).click();
		this.browser.findElement(By.id("field")).sendKeys("民政");
		this.browser.findElement(By.id("body")).sendKeys("请各街道分管负责同志在视频分会场参会。");
		set("start", day + "T09:00");
		set("end", day + "T11:00");
		this.browser.findElement(By.id("venue")).sendKeys("区政府视频会议室");
		this.browser.findElement(By.id("agenda0.topic")).sendKeys("传达学习全市民政工作会议精神");
		this.browser.findElement(By.id("agenda0.speaker")).sendKeys("局长");
		this.browser.findElement(By.id("agenda0.minutes")).sendKeys("75");
		this.browser.findElement(By.id("agenda0.mainSpeech1")).click();
		this.browser.findElement(By.id("agenda1.topic")).sendKeys("部署冬春救助工作");
		this.browser.findElement(By.id("agenda1.speaker")).sendKeys("副局长");
		this.browser.findElement(By.id("agenda1.minutes")).sendKeys("30");
		set("principals", "0");
		set("deputies", "1");
		set("staff", "1");
		this.browser.findElement(By.cssSelector("input[name=recipientUnitCodes][value='" + BACHUAN + "']")).click();
		this.browser.findElement(By.id("parentTitle")).sendKeys("重庆市民政工作会议");
		shoot("01-form");
		// a bad end first: the summary names the field, in Chinese
		set("end", day + "T08:00");
		this.browser.findElement(By.cssSelector("main form.meeting-form > button[type=submit]")).click();
		assertShows(".error-summary", "结束时间（end）须晚于开始时间（start）");
		shoot("02-form-error");
		set("end", day + "T11:00");
		this.browser.findElement(By.cssSelector("main form.meeting-form > button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlMatches(".*/demands/\\d+"));
		this.browser.findElement(By.xpath("//button[text()='提交准入审查']")).click();
		assertShows("main", "meeting.relay", "meeting.length.speech", "主要讲话 75 分钟，超过 60 分钟");
		shoot("03-findings");

		Viewer issuer = viewer("issuer");
		long first = issue(issuer, "全区低保年审视频会", day.atTime(9, 0), day.atTime(10, 30));
		long second = issue(issuer, "养老服务质量提升推进会", day.atTime(10, 0), day.atTime(11, 0));
		signOutAndIn("township");
		this.browser.get(url("/meetings/calendar?view=week&date=" + day));
		assertShows("main", "全区低保年审视频会", "养老服务质量提升推进会", "时间冲突");
		assertThat(this.browser.findElements(By.cssSelector(".calendar__event.is-clash")))
			.hasSizeGreaterThanOrEqualTo(2);
		shoot("04-calendar-week");
		this.browser.get(url("/meetings/calendar?view=month&date=" + day));
		shoot("05-calendar-month");
		this.browser.get(url("/meetings/" + first));
		assertShows("main", "全区低保年审视频会", "从不要求以照片作为参会证明");
		this.browser.findElement(By.cssSelector("input[name=name]")).sendKeys("李华");
		this.browser.findElement(By.cssSelector(".attendance-form button[type=submit]")).click();
		assertShows("main", "李华");
		shoot("06-attendance");
		assertThat(second).isPositive();
	}

	private long issue(Viewer issuer, String title, LocalDateTime start, LocalDateTime end) {
		long id = this.desk.create(issuer,
				new MeetingRequest(title, null, MeetingMode.VIDEO, "民政", false, null,
						List.of(new MeetingRequest.AgendaItem("部署", "局长", 30, true)), start, end, 0, 0, 1, 0, null,
						null, null, false, Convener.PRINCIPAL, List.of(BACHUAN), "《社会救助暂行办法》"));
		cn.jianfu.gate.internal.DemandId demand = new cn.jianfu.gate.internal.DemandId(id);
		var verdict = this.gatekeeper.submit(issuer, demand, null);
		Map<String, String> answers = new HashMap<>();
		verdict.findings().forEach(f -> answers.put(f.code(), "确有必要"));
		if (!answers.isEmpty()) {
			this.demands.justify(issuer, demand, null, answers);
		}
		this.gatekeeper.approve(viewer("gatekeeper"), demand, null, "同意");
		this.demands.issue(issuer, demand, null);
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (this.jdbc.sql("select count(*) from meeting_recipient where demand_id = :id")
			.param("id", id)
			.query(Long.class)
			.single() == 0) {
			assertThat(System.nanoTime()).isLessThan(deadline);
			Thread.onSpinWait();
		}
		return id;
	}

	private Viewer viewer(String username) {
		return ((Viewer.Signed) this.accounts.loadUserByUsername(username)).viewer();
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
	}

	private void set(String id, String value) {
		((JavascriptExecutor) this.browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
				id, value);
	}

	private void shoot(String name) throws IOException {
		Path shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * The element's text once it contains every part (after a click the old page may
	 * still be showing, or be replaced while it is read), or its last text after ten
	 * seconds.
	 */
	private void assertShows(String css, String... parts) {
		assertThat(textContaining(css, parts)).contains(parts);
	}

	private String textContaining(String css, String... parts) {
		String[] last = { "" };
		try {
			new WebDriverWait(this.browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
				.ignoring(NoSuchElementException.class)
				.until(driver -> {
					last[0] = driver.findElement(By.cssSelector(css)).getText();
					return List.of(parts).stream().allMatch(last[0]::contains);
				});
		}
		catch (TimeoutException ex) {
			// the assertion that follows says what is missing
		}
		return last[0];
	}

	private String text(String css) {
		return this.browser.findElement(By.cssSelector(css)).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
