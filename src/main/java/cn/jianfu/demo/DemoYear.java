package cn.jianfu.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jianfu.catalogue.DataRequestForms;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSteps;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.Severity;
import cn.jianfu.ledger.InboxWork;
import cn.jianfu.ledger.Refusals;
import cn.jianfu.ledger.UngatedReportIntake;
import cn.jianfu.org.Department;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;

/**
 * Loads the demo year on first start, after the other demo runners ({@code jianfu.demo}
 * and {@code jianfu.demo.scenario}, both true by default), when no demand exists yet:
 * demands of several departments of 铜梁区 to its townships and to the villages of 巴川街道,
 * this year up to today and a smaller last year, each drafted, submitted, justified,
 * decided and issued through the gate as of its own date ({@link DemandSteps}), a data
 * request with a catalogue form that some villages have filled, and refusals by a village
 * through the ledger.
 * <p>
 * Accounts that exist in the demo organisation act as themselves ({@code issuer},
 * {@code township}, {@code gatekeeper}, {@code village}); the other departments and
 * villages act as the account {@value #SCENARIO}, so that nobody reads the demo's work as
 * a real person's.
 */
@Component
@ConditionalOnBooleanProperty(name = { "jianfu.demo", "jianfu.demo.scenario" }, matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class DemoYear implements ApplicationRunner {

	static final String SCENARIO = "demo-scenario";

	static final String TONGLIANG = "500151000000";

	static final String BACHUAN = "500151001000";

	static final String DONGFANG = "500151001001";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Scope ROOT = new Scope("500000000000", "/500000000000/");

	private static final Map<String, Boolean> CONSISTENT = Map.of("necessary", true, "merged", true, "no-report-back",
			true, "no-supporting-documents", true, "no-new-forms", true, "data-not-held", true, "no-traces", true);

	/** The law or regulation each department's demands rest on. */
	private static final Map<String, String> BASIS = Map.ofEntries(Map.entry("区民政局", "《社会救助暂行办法》"),
			Map.entry("区应急管理局", "《中华人民共和国安全生产法》"), Map.entry("区农业农村委", "《中华人民共和国农业法》"),
			Map.entry("区财政局", "《中华人民共和国预算法》"), Map.entry("区卫生健康委", "《中华人民共和国基本医疗卫生与健康促进法》"),
			Map.entry("区教委", "《中华人民共和国义务教育法》"), Map.entry("区城市管理局", "《城市市容和环境卫生管理条例》"),
			Map.entry("区人力社保局", "《中华人民共和国就业促进法》"), Map.entry("区委办公室", "《整治形式主义为基层减负若干规定》"),
			Map.entry("区退役军人事务局", "《中华人民共和国退役军人保障法》"), Map.entry("区市场监管局", "《中华人民共和国食品安全法》"),
			Map.entry("区生态环境局", "《中华人民共和国大气污染防治法》"));

	/** Makes the spring-ploughing notice long enough for the duplicate check. */
	private static final String SPRING = "四、重点任务。各镇街要抓好种子、化肥、农药等农资储备和供应，组织农技人员下沉田间地头开展技术指导，"
			+ "落实粮食生产面积，做好春季病虫害监测预警和防控，及时发放耕地地力保护补贴，确保不误农时、不撂荒。"
			+ "五、工作要求。请各镇街统筹安排，不召开专题部署会议，不要求报送工作简报和佐证照片，有关数据由区农业农村委从系统中提取。\n";

	private static final Logger log = LoggerFactory.getLogger(DemoYear.class);

	private final DemandSteps steps;

	private final DataRequestForms forms;

	private final Refusals refusals;

	private final UngatedReportIntake ungated;

	private final InboxWork inbox;

	private final OrgChart orgChart;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, Integer> outcomes = new LinkedHashMap<>();

	/** Time spent waiting for listeners, in nanoseconds. */
	private long waited;

	DemoYear(DemandSteps steps, DataRequestForms forms, Refusals refusals, UngatedReportIntake ungated, InboxWork inbox,
			OrgChart orgChart, JdbcClient jdbc, Clock clock) {
		this.ungated = ungated;
		this.inbox = inbox;
		this.steps = steps;
		this.forms = forms;
		this.refusals = refusals;
		this.orgChart = orgChart;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What happens at the gate after submission. */
	enum Plan {

		/** Issued if admitted; justified and approved if asked. */
		ISSUE,
		/** Justified, then rejected by the gatekeeper. */
		REJECT,
		/** Justified, waiting for the gatekeeper. */
		PENDING

	}

	@Override
	public void run(ApplicationArguments args) {
		// The demand table belongs to the gate; counting its rows is the only way to
		// know that nobody has used this database yet.
		long demands = this.jdbc.sql("select count(*) from demand").query(Long.class).single();
		if (demands > 0 || this.orgChart.unit(ROOT, TONGLIANG).isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		lastYear(today.getYear() - 1);
		long last = System.nanoTime();
		thisYear(today);
		long current = System.nanoTime();
		dataRequests(today);
		work(today);
		long end = System.nanoTime();
		log.info(
				"Demo year loaded in {} ms (last year {} ms, this year {} ms, data requests {} ms; {} ms of it waiting"
						+ " for listeners): {}",
				(end - started) / 1_000_000, (last - started) / 1_000_000, (current - last) / 1_000_000,
				(end - current) / 1_000_000, this.waited / 1_000_000, this.outcomes);
	}

	private void lastYear(int year) {
		String[][] documents = { { "区民政局", "关于做好{Y}年城乡低保年度核查工作的通知", "0.08" },
				{ "区民政局", "关于开展{Y}年农村留守老年人关爱服务排查的通知", "0.30" }, { "区民政局", "关于做好{Y}年冬春救助工作的通知", "0.85" },
				{ "区应急管理局", "关于做好{Y}年汛期安全防范工作的通知", "0.35" }, { "区应急管理局", "关于开展{Y}年安全生产大检查的通知", "0.70" },
				{ "区农业农村委", "关于做好{Y}年春耕生产工作的通知", "0.15" }, { "区农业农村委", "关于开展{Y}年农村人居环境整治的通知", "0.55" },
				{ "区农业农村委", "关于报送{Y}年高标准农田建设进度的通知", "0.75" }, { "区教委", "关于做好{Y}年秋季学期控辍保学工作的通知", "0.65" },
				{ "区生态环境局", "关于加强{Y}年秸秆禁烧工作的通知", "0.25" }, { "区财政局", "关于做好{Y}年惠民惠农补贴发放工作的通知", "0.45" },
				{ "区卫生健康委", "关于做好{Y}年家庭医生签约服务的通知", "0.50" }, { "区退役军人事务局", "关于开展{Y}年退役军人走访慰问的通知", "0.90" } };
		LocalDate from = LocalDate.of(year, 1, 5);
		LocalDate to = LocalDate.of(year, 12, 20);
		java.util.Arrays.sort(documents, java.util.Comparator.comparingDouble(d -> Double.parseDouble(d[2])));
		for (String[] d : documents) {
			LocalDate on = along(from, to, Double.parseDouble(d[2]));
			demand(county(d[0]), DemandKind.DOCUMENT, d[1].replace("{Y}", String.valueOf(year)),
					body(d[0], d[1].replace("{Y}", String.valueOf(year))), townships(), on, 20, false, CONSISTENT,
					Plan.ISSUE, null);
		}
	}

	private void thisYear(LocalDate today) {
		int year = today.getYear();
		// In the first days of January this year's demands bunch up in those days.
		LocalDate from = LocalDate.of(year, 1, 2).isBefore(today.minusDays(10)) ? LocalDate.of(year, 1, 5)
				: LocalDate.of(year, 1, 2);
		LocalDate to = today.minusDays(2).isBefore(from) ? today : today.minusDays(2);
		String y = String.valueOf(year);
		Viewer issuer = county("区民政局");
		// In the order of their dates, so that gate numbers follow them.
		// Admitted and issued: the assessment answered and enough lead time.
		long dibao = demand(issuer, DemandKind.DOCUMENT, "关于做好" + y + "年城乡低保动态管理工作的通知", body("区民政局", "城乡低保动态管理"),
				townships(), along(from, to, 0.05), 20, false, CONSISTENT, Plan.ISSUE, null);
		// 巴川街道 relays it to its villages (the cascade check asks why).
		settle();
		demand(township(), DemandKind.DOCUMENT, "转发关于做好" + y + "年城乡低保动态管理工作的通知", body("巴川街道", "城乡低保动态管理（转发）"),
				villages(), along(from, to, 0.10), 15, false, CONSISTENT, Plan.ISSUE, dibao == 0 ? null : dibao);
		String spring = body("区农业农村委", "春耕生产") + SPRING;
		demand(county("区农业农村委"), DemandKind.DOCUMENT, "关于做好" + y + "年春耕生产工作的通知", spring, townships(),
				along(from, to, 0.15), 15, false, CONSISTENT, Plan.ISSUE, null);
		// The same text sent again a few weeks later: blocked as a duplicate (once the
		// first has joined the documents' corpus).
		settle();
		demand(county("区农业农村委"), DemandKind.DOCUMENT, "关于进一步做好" + y + "年春耕生产工作的通知", spring, townships(),
				along(from, to, 0.22), 15, false, CONSISTENT, Plan.ISSUE, null);
		demand(county("区应急管理局"), DemandKind.DOCUMENT, "关于做好" + y + "年汛期安全防范工作的通知", body("区应急管理局", "汛期安全防范"),
				townships(), along(from, to, 0.30), 15, false, CONSISTENT, Plan.ISSUE, null);
		demand(county("区卫生健康委"), DemandKind.DOCUMENT, "关于做好" + y + "年家庭医生签约服务的通知", body("区卫生健康委", "家庭医生签约服务"),
				townships(), along(from, to, 0.40), 20, false, CONSISTENT, Plan.ISSUE, null);
		// No assessment answered, three days to send photos every day: justified, and
		// rejected by the gatekeeper.
		demand(county("区生态环境局"), DemandKind.DOCUMENT, "关于要求各镇街每日报送秸秆禁烧巡查照片的通知", body("区生态环境局", "秸秆禁烧每日巡查照片报送"),
				townships(), along(from, to, 0.45), 3, false, null, Plan.REJECT, null);
		// An inspection and a meeting outside the year's plans: justified and approved.
		demand(county("区城市管理局"), DemandKind.INSPECTION, "城乡环境卫生整治专项检查", body("区城市管理局", "城乡环境卫生整治专项检查"), townships(),
				along(from, to, 0.50), 20, false, CONSISTENT, Plan.ISSUE, null);
		demand(county("区财政局"), DemandKind.DOCUMENT, "关于做好" + y + "年惠民惠农补贴发放工作的通知", body("区财政局", "惠民惠农补贴发放"),
				townships(), along(from, to, 0.55), 20, false, CONSISTENT, Plan.ISSUE, null);
		// A note (便函) with too short a deadline: justified and approved.
		demand(county("区教委"), DemandKind.DOCUMENT, "关于报送秋季学期开学准备情况的便函", body("区教委", "秋季学期开学准备情况报送"), townships(),
				along(from, to, 0.62), 2, true, CONSISTENT, Plan.ISSUE, null);
		demand(county("区委办公室"), DemandKind.MEETING, "全区整治形式主义为基层减负工作推进会", body("区委办公室", "基层减负工作推进会"), townships(),
				along(from, to, 0.70), 10, false, CONSISTENT, Plan.ISSUE, null);
		demand(county("区人力社保局"), DemandKind.APP, "关于推广使用“就业帮扶”政务应用的通知", body("区人力社保局", "就业帮扶政务应用推广使用"), townships(),
				along(from, to, 0.80), 30, false, CONSISTENT, Plan.ISSUE, null);
		// Issued to the villages of 巴川街道; two of them refuse it in their inbox.
		long refused = demand(issuer, DemandKind.DOCUMENT, "关于填报独居老年人走访记录台账的通知", body("区民政局", "独居老年人走访记录台账填报"),
				villages(), along(from, to, 0.85), 15, false, CONSISTENT, Plan.ISSUE, null);
		if (refused > 0) {
			settle();
			refuse(refused, DONGFANG, "走访记录已在全国养老服务信息系统中填报，不宜另建纸质台账（不属于本社区职责清单事项）。");
			refuse(refused, "500151001003", "本社区独居老年人走访已由社区养老服务站按月记录，请直接调取，不再另填台账。");
		}
		// A demand that reached 东方社区 through a work group, without a gate number.
		this.ungated.report(village(this.orgChart.require(ROOT, DONGFANG)), "WORK_GROUP", "区城市管理局（工作群通知）",
				along(from, to, 0.92), "工作群内要求各社区当天下班前报送辖区背街小巷清扫前后对比照片各 10 张，未见准入编号和正式文件。");
		this.outcomes.merge("UNGATED_REPORTED", 1, Integer::sum);
		// Yesterday's and today's, still waiting for the gatekeeper: the gate's queue.
		demand(county("区退役军人事务局"), DemandKind.DOCUMENT, "关于开展退役军人信息采集核对的通知", body("区退役军人事务局", "退役军人信息采集核对"),
				townships(), along(from, today.minusDays(1), 1.0), 2, false, CONSISTENT, Plan.PENDING, null);
		demand(county("区市场监管局"), DemandKind.DOCUMENT, "关于报送食品安全“两个责任”落实情况的通知", body("区市场监管局", "食品安全两个责任落实情况"),
				townships(), along(from, today, 1.0), 3, false, null, Plan.PENDING, null);
	}

	/**
	 * 巴川街道 and 东方社区 have done what was due before last week and logged the hours it took
	 * (between 0.6 and 1.5 times the estimate); the rest of the inbox is still to do.
	 */
	private void work(LocalDate today) {
		settle();
		int done = 0;
		for (Viewer unit : List.of(township(), village(this.orgChart.require(ROOT, DONGFANG)))) {
			for (Map.Entry<Long, java.math.BigDecimal> e : this.inbox.pending(unit, today.minusDays(7)).entrySet()) {
				double factor = 0.6 + (e.getKey() * 37 % 10) / 10.0;
				java.math.BigDecimal hours = e.getValue()
					.multiply(java.math.BigDecimal.valueOf(factor))
					.max(java.math.BigDecimal.valueOf(0.5))
					.setScale(1, java.math.RoundingMode.HALF_UP);
				this.inbox.finish(unit, e.getKey(), hours);
				done++;
			}
		}
		this.outcomes.merge("DONE_WITH_HOURS", done, Integer::sum);
	}

	/**
	 * Waits (at most 5 s) until every listener of the events published so far has run:
	 * the documents' corpus, the ledger's entries and the catalogue's sheets follow an
	 * issue after its commit. Reads Spring Modulith's event publication table.
	 */
	private void settle() {
		long started = System.nanoTime();
		long until = started + 5_000_000_000L;
		while (System.nanoTime() < until
				&& this.jdbc.sql("select count(*) from event_publication where completion_date is null")
					.query(Long.class)
					.single() > 0) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.waited += System.nanoTime() - started;
	}

	/**
	 * The data request of 区民政局 to the villages of 巴川街道, last month's (filled by three
	 * villages, the deadline just passed) and this month's (open; two villages have
	 * submitted, 东方社区 finds last month's figures carried over).
	 */
	private void dataRequests(LocalDate today) {
		Viewer issuer = county("区民政局");
		List<String> fields = List.of("城市低保户数", "农村低保户数", "城市低保人数", "农村低保人数", "本月低保金发放金额");
		YearMonth month = YearMonth.from(today);
		long last = form(issuer, month.minusMonths(1), today.minusDays(30), today.minusDays(1), fields);
		long current = form(issuer, month, today.minusDays(6), today.plusDays(14), fields);
		List<Unit> villages = units(BACHUAN, 5);
		int filled = 0;
		for (int i = 0; i < villages.size() && i < 3; i++) {
			Viewer village = village(villages.get(i));
			if (last > 0 && await(() -> this.forms.hasSheet(village, last))) {
				this.forms.fill(village, last, values(i, 0), true);
				filled++;
			}
		}
		for (int i = 1; i < villages.size() && i < 3; i++) {
			Viewer village = village(villages.get(i));
			if (current > 0 && await(() -> this.forms.hasSheet(village, current))) {
				this.forms.fill(village, current, values(i, 1), true);
				filled++;
			}
		}
		this.outcomes.merge("SHEETS_SUBMITTED", filled, Integer::sum);
	}

	private static Map<String, String> values(int village, int month) {
		int base = 12 + village * 5;
		return Map.of("MZ-0005", String.valueOf(base - 4 + month), "MZ-0006", String.valueOf(base), "MZ-0008",
				String.valueOf((base - 4 + month) * 2), "MZ-0009", String.valueOf(base * 2 + 1), "MZ-0010",
				String.valueOf(2.1 + village * 0.7 + month * 0.1).substring(0, 3));
	}

	private long form(Viewer issuer, YearMonth period, LocalDate issued, LocalDate deadline, List<String> fields) {
		long id = this.forms.draft(issuer, "巴川街道各村（社区）" + period.getYear() + "年" + period.getMonthValue() + "月低保数据报送",
				"MONTH", period.toString(), 5, BACHUAN, deadline, BASIS.get("区民政局"), fields);
		return pass(issuer, id, "DATA_REQUEST", issued, Plan.ISSUE);
	}

	/**
	 * Drafts, submits and follows the demand through the gate as of {@code on}; returns
	 * its id if issued, else 0.
	 */
	private long demand(Viewer issuer, DemandKind kind, String title, String body, Recipients to, LocalDate on,
			int dueDays, boolean note, @Nullable Map<String, Boolean> assessment, Plan plan, @Nullable Long parent) {
		DemandDraft draft = new DemandDraft(kind, title, body, null,
				assessment == null ? null : BASIS.getOrDefault(issuer.departmentName(), BASIS.get("区民政局")), null,
				to.level(), to.under(), on.plusDays(1 + dueDays), null, null, parent, false, note, parent != null,
				false, assessment,
				// Each notice assigns work, as the documents module reads a 通知 with
				// tasks.
				kind == DemandKind.DOCUMENT ? Map.of("document.directive", "true") : null);
		long id = this.steps.draft(issuer, draft, at(on, 9));
		return pass(issuer, id, kind.name(), on, plan);
	}

	private long pass(Viewer issuer, long id, String kind, LocalDate on, Plan plan) {
		boolean baseline = on.getYear() < LocalDate.now(this.clock.withZone(CHINA)).getYear();
		DemandSteps.Outcome outcome = this.steps.submit(issuer, id, at(on, 10));
		String status = outcome.status();
		if ("NEEDS_JUSTIFICATION".equals(status)) {
			Map<String, String> answers = new LinkedHashMap<>();
			for (Finding finding : outcome.findings()) {
				if (finding.severity() == Severity.JUSTIFY) {
					answers.put(finding.code(), baseline && finding.code().equals("quota.yearly")
							? "平台启用前的上年度发文未录入本平台，暂无比较基数；发文数量按上年实际控制。" : justification(finding.code()));
				}
			}
			this.steps.justify(issuer, id, answers, at(on, 15));
			status = "JUSTIFIED";
			if (plan == Plan.ISSUE) {
				this.steps.approve(gatekeeper(), id, "理由成立，同意印发；请在办理中压减报送内容。", at(on.plusDays(1), 10));
				status = "APPROVED";
			}
			else if (plan == Plan.REJECT) {
				this.steps.reject(gatekeeper(), id, "每日报送巡查照片属于痕迹管理，请改为区级无人机巡查，不向镇街布置。", at(on.plusDays(1), 10));
				status = "REJECTED";
			}
		}
		long issued = 0;
		if (("ADMITTED".equals(status) || "APPROVED".equals(status)) && plan == Plan.ISSUE) {
			this.steps.issue(issuer, id, at(on.plusDays(1), 11));
			status = "ISSUED";
			issued = id;
		}
		this.outcomes.merge(status, 1, Integer::sum);
		log.info("Demo demand {} ({}) on {}: {} {}", id, kind, on, status,
				outcome.findings().stream().map(f -> f.code() + "/" + f.severity()).toList());
		return issued;
	}

	private static String justification(String code) {
		return switch (code) {
			case "lead-time" -> "市级通知要求在此日期前汇总上报；只报送一张汇总表，不要求佐证材料。";
			case "quota.yearly" -> "本部门上年未向基层布置此类事项，本年度为首次布置，全年不再另行发文。";
			case "assessment" -> "事项紧急，一致性评估表未及填写，请减负办审核。";
			default -> "经研究确需布置，已压减办理内容，不要求另行报送佐证材料。";
		};
	}

	private void refuse(long demandId, String unitCode, String reason) {
		Viewer village = village(this.orgChart.require(ROOT, unitCode));
		boolean done = await(() -> {
			try {
				this.refusals.refuse(village, demandId, reason);
				return true;
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
		this.outcomes.merge(done ? "REFUSED_BY_VILLAGE" : "REFUSAL_NOT_RECORDED", 1, Integer::sum);
	}

	/**
	 * Waits (at most 10 s) for what the listeners of the issued event do after commit:
	 * the ledger's entries, the catalogue's sheets.
	 */
	private boolean await(BooleanSupplier done) {
		long started = System.nanoTime();
		long until = started + 10_000_000_000L;
		while (System.nanoTime() < until) {
			if (done.getAsBoolean()) {
				this.waited += System.nanoTime() - started;
				return true;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private static String body(String issuer, String subject) {
		return "各镇街" + ("巴川街道".equals(issuer) ? "所辖村（社区）" : "") + "：\n为做好" + subject + "工作，现将有关事项通知如下：\n"
				+ "一、工作内容。请结合本地实际，按照职责分工做好" + subject + "相关工作，不另行要求报送佐证材料和工作痕迹。\n" + "二、时间安排。请在规定期限内完成，逾期未完成的请说明原因。\n"
				+ "三、联系方式。" + issuer + "业务科室，电话 023-4567" + (subject.length() % 90 + 10) + "。\n" + issuer + "\n";
	}

	/** A working day at the fraction of the way from one date to another. */
	static LocalDate along(LocalDate from, LocalDate to, double fraction) {
		if (to.isBefore(from)) {
			return to;
		}
		long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
		LocalDate on = from.plusDays(Math.round(days * fraction));
		while (on.getDayOfWeek() == DayOfWeek.SATURDAY || on.getDayOfWeek() == DayOfWeek.SUNDAY) {
			on = on.minusDays(1);
		}
		return on.isBefore(from) ? from : on;
	}

	/** The hour of the day, or now if that is later than now (a demand of today). */
	private Instant at(LocalDate on, int hour) {
		Instant at = on.atTime(LocalTime.of(hour, 0)).atZone(CHINA).toInstant();
		Instant now = this.clock.instant();
		return at.isAfter(now) ? now : at;
	}

	record Recipients(int level, String under) {
	}

	private static Recipients townships() {
		return new Recipients(4, TONGLIANG);
	}

	private static Recipients villages() {
		return new Recipients(5, BACHUAN);
	}

	private List<Unit> units(String under, int level) {
		Unit unit = this.orgChart.require(ROOT, under);
		return this.orgChart
			.search(new Scope(unit.code(), unit.path()), cn.jianfu.org.UnitLevel.of(level), "",
					new cn.jianfu.platform.Page.Request(0, 100))
			.items()
			.stream()
			.sorted(java.util.Comparator.comparing(Unit::code))
			.toList();
	}

	private Viewer county(String department) {
		Unit unit = this.orgChart.require(ROOT, TONGLIANG);
		Scope scope = new Scope(unit.code(), unit.path());
		Department found = this.orgChart.departments(scope, TONGLIANG)
			.stream()
			.filter(d -> d.name().equals(department))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no demo department " + department));
		String username = "区民政局".equals(department) ? "issuer" : SCENARIO;
		return new Viewer(0, username, "铜梁区" + department, Set.of(Role.ISSUER), unit.code(), unit.name(), unit.level(),
				found.id(), found.name(), scope);
	}

	private Viewer township() {
		Unit unit = this.orgChart.require(ROOT, BACHUAN);
		Scope scope = new Scope(unit.code(), unit.path());
		Department office = this.orgChart.departments(scope, BACHUAN)
			.stream()
			.filter(d -> d.name().equals("党政办公室"))
			.findFirst()
			.orElse(null);
		return new Viewer(0, "township", unit.name(), Set.of(Role.ISSUER, Role.GRASSROOTS), unit.code(), unit.name(),
				unit.level(), office == null ? null : office.id(), office == null ? null : office.name(), scope);
	}

	private Viewer gatekeeper() {
		Unit unit = this.orgChart.require(ROOT, TONGLIANG);
		return new Viewer(0, "gatekeeper", "铜梁区减负办", Set.of(Role.GATEKEEPER), unit.code(), unit.name(), unit.level(),
				null, null, new Scope(unit.code(), unit.path()));
	}

	private static Viewer village(Unit unit) {
		String username = DONGFANG.equals(unit.code()) ? "village" : SCENARIO;
		return new Viewer(0, username, unit.name(), Set.of(Role.GRASSROOTS), unit.code(), unit.name(), unit.level(),
				null, null, new Scope(unit.code(), unit.path()));
	}

	static List<String> names(List<Unit> units) {
		List<String> names = new ArrayList<>();
		units.forEach(u -> names.add(u.name()));
		return names;
	}

}
