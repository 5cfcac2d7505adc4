package cn.jianfu.catalogue;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.jianfu.DatabaseTest;
import cn.jianfu.HeadlessChromium;

/**
 * The "Done means", as users do it, in headless Chromium where a person would use
 * the browser and over HTTP where a program would: the issuer (区民政局) uploads a real-style
 * Excel template, sees that 户籍人口总数 is already collected by 区公安分局, submits the form
 * without drawing it and is blocked by {@code catalogue.held}, draws it from the
 * catalogue on the form's page and submits again; the gatekeeper approves and the issuer
 * issues; 东方社区 finds its sheet pre-filled, enters the rest in the browser and submits;
 * 和平社区 downloads the sheet, fills it with POI and uploads it on the page; the issuer
 * opens the roll-up (2 of 8 villages of 巴川街道, the sums); a department pulls the values
 * through {@code GET /api/v1/catalogue/values}. Screenshots go to
 * {@code target/screenshots/catalogue}. Skipped where Chromium or its driver is missing,
 * unless external tools are required.
 */
@DatabaseTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogueDoneMeansTests {

	static final Path SHOTS = Path.of("target/screenshots/catalogue");

	static final String BACHUAN = "500151001000";

	static final String DONGFANG = "500151001001";

	static final String HEPING = "500151001002";

	static final String PERIOD = "2039";

	static final String TITLE = "2039年巴川街道各村（社区）养老服务情况统计表";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	private final ObjectMapper json = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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

	/**
	 * A template as a department sends it today: a merged title, 填报单位 and 单位 rows, a
	 * two-row header with merged parents over children, units in brackets, a sample row
	 * and a note row.
	 */
	static byte[] template() throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet("养老服务");
			sheet.createRow(0).createCell(0).setCellValue(TITLE);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
			XSSFRow meta = sheet.createRow(1);
			meta.createCell(0).setCellValue("填报单位：（盖章）");
			meta.createCell(5).setCellValue("单位：人、个、万元");
			XSSFRow top = sheet.createRow(2);
			XSSFRow sub = sheet.createRow(3);
			String[] heads = { "序号", "村（社区）", "户籍人口总数（人）", "60岁及以上老年人口数（人）", "注册志愿者人数（人）", "村级老年助餐服务", null };
			for (int c = 0; c < heads.length; c++) {
				if (heads[c] != null) {
					top.createCell(c).setCellValue(heads[c]);
				}
			}
			sub.createCell(5).setCellValue("助餐点数（个）");
			sub.createCell(6).setCellValue("运营补贴\n（万元）");
			for (int c : new int[] { 0, 1, 2, 3, 4 }) {
				sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
			}
			sheet.addMergedRegion(new CellRangeAddress(2, 2, 5, 6));
			XSSFRow sample = sheet.createRow(4);
			sample.createCell(0).setCellValue(1);
			sample.createCell(1).setCellValue("××社区");
			sheet.createRow(6).createCell(0).setCellValue("注：1.本表由各村（社区）填报，街道汇总；2.人口数据截至年末；3.补贴金额保留两位小数。");
			sheet.addMergedRegion(new CellRangeAddress(6, 6, 0, 6));
			workbook.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void anIssuersTemplateGoesThroughTheGateToTheVillagesAndBackUpAsValues() throws Exception {
		account("heping", "和平社区填报员", HEPING);
		// what the catalogue already holds for 东方社区 this year (its census figure, given
		// on an earlier form): offered pre-filled on its sheet
		value("TJ-0003", DONGFANG, "612");

		// 1. the issuer uploads the template and sees which fields are held, and by whom
		signIn("issuer");
		go(By.linkText("指标目录"));
		go(By.linkText("新建报表（数据索取）"));
		this.browser.findElement(By.id("title")).sendKeys(TITLE);
		this.browser.findElement(By.id("legalBasis")).sendKeys("《养老机构管理办法》");
		new Select(this.browser.findElement(By.id("periodType"))).selectByValue("YEAR");
		WebElement period = this.browser.findElement(By.id("period"));
		period.clear();
		period.sendKeys(PERIOD);
		new Select(this.browser.findElement(By.id("recipientLevel"))).selectByValue("5");
		WebElement under = this.browser.findElement(By.id("recipientUnder"));
		under.clear();
		under.sendKeys(BACHUAN);
		set("deadline", China.today().plusDays(30).toString());
		Path file = Files.createTempFile("养老服务情况统计表", ".xlsx");
		Files.write(file, template());
		this.browser.findElement(By.id("template")).sendKeys(file.toAbsolutePath().toString());
		go(By.xpath("//button[text()='比对目录']"));
		String preview = text("main");
		shoot("1-template-preview");
		assertThat(preview).contains("户籍人口总数（人）", "60岁及以上老年人口数（人）", "注册志愿者人数（人）", "村级老年助餐服务助餐点数（个）", "村级老年助餐服务运营补贴（万元）",
				"GA-0001", "TJ-0003", "MZ-0031", "新指标");
		assertThat(row("户籍人口总数（人）")).contains("目录已有", "GA-0001", "户籍人口数", "区公安分局", "公安人口信息系统");
		assertThat(row("60岁及以上老年人口数（人）")).contains("TJ-0003").doesNotContain("区公安分局");
		assertThat(row("村级老年助餐服务运营补贴（万元）")).contains("新指标", "最接近（不是同一指标）");
		assertThat(this.browser.findElement(By.id("fields")).getAttribute("value")).contains("户籍人口总数（人）",
				"村级老年助餐服务运营补贴（万元）");
		assertThat(this.browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(TITLE);

		// 2. the issuer asks for everything anyway: the gate blocks the held field
		WebElement draw = this.browser.findElement(By.id("draw"));
		if (draw.isSelected()) {
			draw.click();
		}
		go(By.xpath("//button[text()='生成事项草稿']"));
		assertThat(this.browser.getCurrentUrl()).matches(".*/demands/\\d+$");
		String demandUrl = this.browser.getCurrentUrl();
		long id = Long.parseLong(demandUrl.substring(demandUrl.lastIndexOf('/') + 1));
		go(By.xpath("//button[text()='提交准入审查']"));
		String blocked = text("main");
		shoot("2-blocked");
		assertThat(blocked).contains("catalogue.held", "户籍人口总数（人）", "GA-0001", "户籍人口数", "区公安分局", "公安人口信息系统",
				"整治形式主义为基层减负若干规定");
		JsonNode demand = getJson("/api/v1/demands/" + id, "issuer");
		assertThat(demand.path("status").asText()).isEqualTo("RETURNED");
		JsonNode held = finding(demand, "catalogue.held");
		assertThat(held.path("severity").asText()).isEqualTo("BLOCK");
		assertThat(held.path("evidence").asText()).contains("indicator=GA-0001", "collector=区公安分局");

		// 3. the issuer draws the held field from the catalogue, as the page offers, and
		// submits again
		go(By.linkText("报表：字段、目录调取与汇总"));
		assertThat(row("户籍人口总数（人）")).contains("GA-0001", "区公安分局", "索取");
		shoot("3-form-fields");
		go(By.xpath("//button[text()='已采集的字段改为从目录调取']"));
		assertThat(text("[role=status]")).contains("已改为从目录调取 1 个字段");
		assertThat(row("户籍人口总数（人）")).contains("从目录调取，不再索取");
		assertThat(row("注册志愿者人数（人）")).contains("索取").doesNotContain("从目录调取");
		assertThat(this.browser.findElements(By.xpath("//button[text()='已采集的字段改为从目录调取']"))).isEmpty();
		shoot("4-drawn");
		go(By.linkText("返回事项"));
		assertThat(text("main")).contains("500151001000 下的全部村/社区 共 8 个单位");
		assertThat(getJson("/api/v1/demands/" + id, "issuer").path("body").asText())
			.contains("以下数据从指标目录调取，无需填报：\n- 户籍人口总数（人）");
		go(By.xpath("//button[text()='提交准入审查']"));
		demand = getJson("/api/v1/demands/" + id, "issuer");
		assertThat(demand.path("findings").toString()).doesNotContain("catalogue.held", "catalogue.repeat");
		if (demand.path("status").asText().equals("NEEDS_JUSTIFICATION")) {
			for (WebElement answer : this.browser.findElements(By.cssSelector("textarea[name^='answer.']"))) {
				answer.sendKeys("养老服务补贴核算须各村据实填报");
			}
			go(By.xpath("//button[text()='提交说明']"));
			demand = getJson("/api/v1/demands/" + id, "issuer");
		}
		shoot("5-resubmitted");

		// 4. the gatekeeper approves (if it needs approval), the issuer issues
		if (demand.path("status").asText().equals("JUSTIFIED")) {
			assertThat(send("POST", "/api/v1/demands/" + id + "/approve", "gatekeeper", "{\"reason\":\"同意\"}")
				.statusCode()).isEqualTo(200);
		}
		assertThat(send("POST", "/api/v1/demands/" + id + "/issue", "issuer", "{}").statusCode()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from catalogue_form_recipient where demand_id = :id")
				.param("id", id)
				.query(Long.class)
				.single() == 8);
		List<String> created = this.jdbc
			.sql("select indicator_code from catalogue_form_field where demand_id = :id and indicator_code like 'XZ-%'"
					+ " order by position")
			.param("id", id)
			.query(String.class)
			.list();
		assertThat(created).hasSize(2);
		// counted in 个 → integers; an amount in 万元 → decimals
		assertThat(this.jdbc.sql("select value_type from catalogue_indicator where code in (:codes) order by code")
			.param("codes", created)
			.query(String.class)
			.list()).containsExactly("INTEGER", "DECIMAL");
		String meals = created.get(0);
		String subsidy = created.get(1);

		// 5. 东方社区 finds its sheet pre-filled, enters the rest in the browser, submits
		signOutAndIn("village");
		go(By.linkText("指标目录"));
		go(By.partialLinkText("数据填报"));
		go(By.linkText(TITLE));
		String sheet = text("main");
		assertThat(sheet).doesNotContain("户籍人口总数").contains("60岁及以上老年人口数", "注册志愿者人数", "村级老年助餐服务助餐点数");
		assertThat(sheet).contains("60岁及以上老年人口数（人）", "村级老年助餐服务运营补贴（万元）").doesNotContain("（人）（人）", "（万元）（万元）");
		assertThat(input("TJ-0003").getAttribute("value")).isEqualTo("612");
		assertThat(input("MZ-0031").getAttribute("value")).isEmpty();
		shoot("6-sheet-prefilled");
		input("MZ-0031").sendKeys("45");
		input(meals).sendKeys("2");
		input(subsidy).sendKeys("3.5");
		go(By.xpath("//button[text()='提交']"));
		assertThat(text("[role=status]")).isEqualTo("已提交。");
		assertThat(text("main")).contains("已预填 1 / 4 项");
		assertThat(row("注册志愿者人数（人）", "p")).contains("本表已填");
		assertThat(row("60岁及以上老年人口数（人）", "p")).contains("目录已有");
		shoot("7-sheet-submitted");
		assertThat(inboxStatus(id, "village")).as("the data request in 东方社区's inbox once its sheet is in")
			.isEqualTo("DONE");

		// 6. 和平社区 downloads its sheet, fills it in Excel and uploads it on the page
		signOutAndIn("heping");
		go(By.linkText("指标目录"));
		go(By.partialLinkText("数据填报"));
		go(By.linkText(TITLE));
		String download = this.browser.findElement(By.partialLinkText("下载填报表")).getAttribute("href");
		HttpResponse<byte[]> xlsx = this.http.send(
				HttpRequest.newBuilder(URI.create(download)).header("Cookie", cookies()).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		byte[] filled = fill(xlsx.body(), Map.of("TJ-0003", "538", "MZ-0031", "30", meals, "1", subsidy, "1.25"));
		Path upload = Files.createTempFile("和平社区填报表", ".xlsx");
		Files.write(upload, filled);
		this.browser.findElement(By.id("excel-file")).sendKeys(upload.toAbsolutePath().toString());
		this.browser.findElement(By.cssSelector("input[name=submit][type=checkbox]")).click();
		go(By.xpath("//button[text()='上传']"));
		String imported = text("main");
		shoot("8-excel-imported");
		assertThat(imported).contains("已提交", "已预填 0 / 4 项", "本表已填").doesNotContain("未导入", "目录已有");
		assertThat(input("TJ-0003").getAttribute("value")).isEqualTo("538");
		byte[] again = this.http
			.send(HttpRequest.newBuilder(URI.create(download)).header("Cookie", cookies()).build(),
					HttpResponse.BodyHandlers.ofByteArray())
			.body();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(again))) {
			List<String> sources = new java.util.ArrayList<>();
			for (Row row : workbook.getSheet("填报")) {
				if (row.getCell(0) != null && row.getCell(0).toString().equals("MZ-0031")) {
					assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(30);
					sources.add(row.getCell(5).getStringCellValue());
				}
			}
			assertThat(sources).containsExactly("本表已填");
		}

		// 7. the county's issuer opens the roll-up from the demand: 2 of 8 villages, the
		// sums
		signOutAndIn("issuer");
		this.browser.get(demandUrl);
		go(By.linkText("报表：字段、目录调取与汇总"));
		go(By.linkText("汇总与报送完成情况"));
		shoot("9-rollup");
		assertThat(rollupRow("巴川街道")).containsSubsequence("8", "2", "2", "25%", "1150", "75", "3", "4.75");
		assertThat(rollupRow("东方社区")).containsSubsequence("1", "1", "1", "100%", "612", "45", "2", "3.5");
		assertThat(rollupRow("和平社区")).containsSubsequence("1", "1", "1", "538", "30", "1", "1.25");
		assertThat(rollupRow("正街社区")).containsSubsequence("1", "0", "0", "0%");
		JsonNode rollup = getJson("/api/v1/catalogue/forms/" + id + "/rollup", "issuer");
		assertThat(rollup.toString()).contains("\"code\":\"" + BACHUAN + "\"");

		// 8. a department pulls the values instead of asking again
		JsonNode pulled = getJson("/api/v1/catalogue/values?indicator=MZ-0031&period=" + PERIOD + "&under=" + BACHUAN,
				"issuer");
		JsonNode values = pulled.isArray() ? pulled : pulled.path("values");
		assertThat(values).hasSize(2);
		assertThat(values.toString()).contains(DONGFANG, HEPING, "\"45\"", "\"30\"");
		JsonNode subsidies = getJson("/api/v1/catalogue/values?indicator=" + subsidy + "&period=" + PERIOD, "issuer");
		assertThat(subsidies.toString()).contains("\"3.5\"", "\"1.25\"");
	}

	private JsonNode finding(JsonNode demand, String code) {
		for (JsonNode f : demand.path("findings")) {
			if (f.path("code").asText().equals(code)) {
				return f;
			}
		}
		throw new AssertionError("no finding " + code + " in " + demand);
	}

	/** The downloaded sheet with the 填报值 column filled for these codes. */
	static byte[] fill(byte[] downloaded, Map<String, String> values) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(downloaded));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheet("填报");
			int found = 0;
			for (Row row : sheet) {
				var code = row.getCell(0);
				if (code != null && values.containsKey(code.toString().strip())) {
					String value = values.get(code.toString().strip());
					row.createCell(2).setCellValue(Double.parseDouble(value));
					found++;
				}
			}
			assertThat(found).as("codes found in the sheet").isEqualTo(values.size());
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/** Clicks a link or button and waits for the next page. */
	private void go(By by) {
		WebElement main = this.browser.findElement(By.tagName("main"));
		this.browser.findElement(by).click();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.stalenessOf(main));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
	}

	private WebElement input(String code) {
		return this.browser.findElement(By.name("v." + code));
	}

	/** The text of the table row whose first cell starts with this label. */
	private String row(String label) {
		return this.browser.findElement(By.xpath("//tr[td[1][starts-with(normalize-space(.), '" + label + "')]]"))
			.getText();
	}

	/**
	 * The text of the element (a sheet's paragraph) whose label starts with this text.
	 */
	private String row(String label, String tag) {
		return this.browser
			.findElement(By.xpath("//main//" + tag + "[label[starts-with(normalize-space(.), '" + label + "')]]"))
			.getText();
	}

	private List<String> rollupRow(String unit) {
		return this.browser.findElement(By.xpath("//tr[td[1][normalize-space(.)='" + unit + "']]"))
			.findElements(By.tagName("td"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private void account(String username, String name, String unit) {
		if (this.jdbc.sql("select count(*) from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		this.jdbc
			.sql("insert into account (username, display_name, password_hash, unit_code, enabled, created_at)"
					+ " values (:u, :name, :hash, :unit, true, :now)")
			.param("u", username)
			.param("name", name)
			.param("hash", this.passwords.encode("jianfu-demo"))
			.param("unit", unit)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		this.jdbc
			.sql("insert into account_role (account_id, role) select id, 'GRASSROOTS' from account where username = :u")
			.param("u", username)
			.update();
	}

	private void value(String code, String unit, String value) {
		this.jdbc
			.sql("insert into catalogue_value (indicator_code, unit_code, period, value_text, version, updated_by,"
					+ " updated_at) values (:code, :unit, :period, :value, 1, 'tongji', :now)")
			.param("code", code)
			.param("unit", unit)
			.param("period", PERIOD)
			.param("value", value)
			.param("now", Timestamp.from(Instant.now()))
			.update();
	}

	/**
	 * The status of the demand in the user's inbox, waiting a little for the ledger's
	 * listener (it runs after the catalogue's transaction commits).
	 */
	private String inboxStatus(long demandId, String user) throws Exception {
		String status = "";
		for (int attempt = 0; attempt < 50 && !status.equals("DONE"); attempt++) {
			Thread.sleep(attempt == 0 ? 0 : 100);
			for (JsonNode entry : getJson("/api/v1/inbox", user)) {
				if (entry.path("demandId").asLong() == demandId) {
					status = entry.path("status").asText();
				}
			}
		}
		return status;
	}

	private JsonNode getJson(String path, String user) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Authorization", basic(user))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(method + " " + path + " " + response.body()).isLessThan(300);
		return response;
	}

	/** The browser's session, for a download the browser would save to disk. */
	private String cookies() {
		return String.join("; ",
				this.browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":jianfu-demo").getBytes(StandardCharsets.UTF_8));
	}

	private void signIn(String username) {
		this.browser.get(url("/login"));
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys("jianfu-demo");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));
	}

	private void signOutAndIn(String username) {
		this.browser.findElement(By.cssSelector("form.logout button")).click();
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys("jianfu-demo");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));
	}

	private void set(String id, String value) {
		((JavascriptExecutor) this.browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
				id, value);
	}

	private void shoot(String name) throws IOException {
		Path shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private String text(String css) {
		return this.browser.findElement(By.cssSelector(css)).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
