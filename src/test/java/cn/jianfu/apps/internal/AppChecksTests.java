package cn.jianfu.apps.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jianfu.DatabaseTest;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.WorkingCalendar;

/**
 * The app checks at their boundaries; the overlap check against apps registered in the
 * database.
 */
@DatabaseTest
class AppChecksTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	static final String TONGLIANG = "500151000000";

	static final String BACHUAN = "500151001000";

	static final String DONGFANG = "500151001001";

	@Autowired
	AppSponsorLevelCheck sponsorLevel;

	@Autowired
	AppForbiddenFeatureCheck forbidden;

	@Autowired
	AppOverlapCheck overlap;

	@Autowired
	AppDataCollectionCheck dataCollection;

	@Autowired
	AppComplaintCheck complaint;

	@Autowired
	AppReviewCheck review;

	@Autowired
	AppRegistry registry;

	@Autowired
	UserDetailsService accounts;

	static AppDetails app(Set<AppFeature> features, Set<String> functions, @Nullable String complaintUrl) {
		return new AppDetails("测试应用", AppForm.APP, features, functions, 3, 10, complaintUrl, null);
	}

	static DemandSnapshot demand(String sponsor, AppDetails app, List<String> targets, @Nullable LocalDate expires) {
		return new DemandSnapshot(-1, DemandKind.APP, "政务应用登记：" + app.name(), "说明", null, null, sponsor, null, "x",
				targets, TODAY.plusDays(30), expires, null, false, false, false, false, null, app.toDetails());
	}

	static DemandSnapshot demand(AppDetails app) {
		return demand(TONGLIANG, app, List.of(BACHUAN), TODAY.plusMonths(12));
	}

	static List<Finding> run(GateCheck check, DemandSnapshot demand) {
		GateContext context = new GateContext(TODAY, Rulebook.defaults(TONGLIANG), new WorkingCalendar(), List.of(),
				Optional.empty(), (unit, department, kinds, year) -> 0);
		return check.check(demand, context).toList();
	}

	@Test
	void refusesSponsorsBelowCountyLevel() {
		AppDetails app = app(Set.of(), Set.of(), "https://ts.example.cn");
		assertThat(run(this.sponsorLevel, demand(TONGLIANG, app, List.of(BACHUAN), null))).isEmpty();
		assertThat(run(this.sponsorLevel, demand("500100000000", app, List.of(BACHUAN), null))).isEmpty();
		assertThat(run(this.sponsorLevel, demand(BACHUAN, app, List.of(DONGFANG), null))).singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.BLOCK);
				assertThat(f.rule().document()).contains("国办函〔2026〕12号");
			});
		assertThat(run(this.sponsorLevel, demand(DONGFANG, app, List.of(DONGFANG), null))).hasSize(1);
	}

	@Test
	void refusesEveryForbiddenFeatureAndAllowsDataCollection() {
		for (AppFeature feature : AppFeature.values()) {
			List<Finding> findings = run(this.forbidden, demand(app(Set.of(feature), Set.of(), "https://x.cn")));
			if (feature.forbidden()) {
				assertThat(findings).as(feature.name()).singleElement().satisfies(f -> {
					assertThat(f.severity()).isEqualTo(Severity.BLOCK);
					assertThat(f.evidence()).contains(feature.key());
					assertThat(f.rule().document()).contains("国办函〔2026〕12号");
				});
			}
			else {
				assertThat(findings).as(feature.name()).isEmpty();
			}
		}
		assertThat(run(this.forbidden,
				demand(app(Set.of(AppFeature.CHECK_IN, AppFeature.POINTS_RANKING), Set.of(), "https://x.cn"))))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.messageZh()).contains("打卡").contains("积分排名");
				assertThat(f.messageEn()).contains("check-in").contains("points ranking");
			});
	}

	@Test
	void pointsDataCollectionToTheCatalogueAndAsksForAComplaintLink() {
		assertThat(run(this.dataCollection, demand(app(Set.of(AppFeature.DATA_COLLECTION), Set.of(), null))))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
				assertThat(f.messageZh()).contains("一表通");
			});
		assertThat(run(this.dataCollection, demand(app(Set.of(), Set.of(), null)))).isEmpty();
		assertThat(run(this.complaint, demand(app(Set.of(), Set.of(), null)))).singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.JUSTIFY));
		assertThat(run(this.complaint, demand(app(Set.of(), Set.of(), "https://ts.example.cn")))).isEmpty();
	}

	@Test
	void asksForAYearlyReview() {
		AppDetails app = app(Set.of(), Set.of(), "https://x.cn");
		assertThat(run(this.review, demand(TONGLIANG, app, List.of(BACHUAN), TODAY.plusMonths(12)))).isEmpty();
		assertThat(run(this.review, demand(TONGLIANG, app, List.of(BACHUAN), TODAY.plusMonths(12).plusDays(1))))
			.singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.JUSTIFY));
		assertThat(run(this.review, demand(TONGLIANG, app, List.of(BACHUAN), null))).hasSize(1);
	}

	@Test
	void proposesMergingWithARegisteredAppOfTheSameFunctionsAndUsers() {
		Viewer issuer = ((Viewer.Signed) this.accounts.loadUserByUsername("issuer")).viewer();
		long existing = this.registry.register(issuer,
				new AppRegistry.Registration("网格巡查通", AppForm.APP, "渝ICP备0001号", Set.of(), Set.of("网格巡查x", "走访"), 5, 20,
						"https://ts.example.cn", List.of("500151002000"), TODAY.plusDays(30), null));
		List<Finding> findings = run(this.overlap,
				demand(TONGLIANG, app(Set.of(), Set.of("网格巡查x"), null), List.of("500151002001"), null));
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
			assertThat(f.evidence()).contains("#" + existing).contains("网格巡查通");
		});
		assertThat(run(this.overlap,
				demand(TONGLIANG, app(Set.of(), Set.of("低保审核"), null), List.of("500151002001"), null)))
			.as("other functions")
			.isEmpty();
		assertThat(run(this.overlap,
				demand(TONGLIANG, app(Set.of(), Set.of("网格巡查x"), null), List.of("500151003000"), null)))
			.as("other townships")
			.isEmpty();
	}

	@Test
	void estimatesMinutesTimesUsersTimesWorkingDays() {
		var estimate = new AppEstimator().estimate(demand(app(Set.of(), Set.of(), null)),
				new cn.jianfu.org.Unit(BACHUAN, "巴川街道", cn.jianfu.org.UnitLevel.TOWNSHIP, TONGLIANG, "/x/", null, null),
				Rulebook.defaults(TONGLIANG));
		// 10 min × 3 users × 21 working days ÷ 60
		assertThat(estimate.hours()).isEqualByComparingTo("10.5");
		assertThat(estimate.explanationZh()).contains("10 分钟/天 × 3 人 × 21 个工作日");
		assertThat(estimate.explanationEn()).contains("3 users");
	}

}
