package cn.jianfu.gate.internal;

import cn.jianfu.China;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.jianfu.DatabaseTest;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.org.Viewer;

@DatabaseTest
class GateNumberTests {

	static final String TONGLIANG = "500151000000";

	@Autowired
	DemandDesk desk;

	@Autowired
	Gatekeeper gatekeeper;

	@Autowired
	Rulebook rulebook;

	@Autowired
	AuditLog audit;

	@Autowired
	UserDetailsService accounts;

	Viewer viewer(String username) {
		return ((Viewer.Signed) this.accounts.loadUserByUsername(username)).viewer();
	}

	static DemandDraft admissible(String title) {
		return new DemandDraft(DemandKind.DOCUMENT, title, "请各街道做好冬季救助工作。", "民政", "《社会救助暂行办法》", List.of("500151001000"),
				null, null, China.today().plusDays(40), 10, null, null, false, false, false, false,
				Map.of("necessary", true, "merged", true, "no-report-back", true, "no-supporting-documents", true,
						"no-new-forms", true, "data-not-held", true, "no-traces", true));
	}

	@Test
	void eightConcurrentIssuesGetDistinctConsecutiveNumbers() throws Exception {
		Viewer issuer = viewer("issuer");
		Viewer keeper = viewer("gatekeeper");
		this.rulebook.override(keeper, TONGLIANG, "document.quota.only-decrease", "false", "测试：并发印发");
		List<DemandId> ids = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				DemandId id = this.desk.create(issuer, admissible("冬季救助通知 " + i));
				Gatekeeper.Verdict verdict = this.gatekeeper.submit(issuer, id, null);
				assertThat(verdict.status()).as(verdict.findings().toString()).isEqualTo(DemandStatus.ADMITTED);
				ids.add(id);
			}
		}
		finally {
			this.rulebook.clear(keeper, TONGLIANG, "document.quota.only-decrease");
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> numbers = new ArrayList<>();
		for (DemandId id : ids) {
			numbers.add(pool.submit(() -> {
				start.await();
				return this.desk.issue(issuer, id, null);
			}));
		}
		start.countDown();
		List<String> issued = new ArrayList<>();
		for (Future<String> number : numbers) {
			issued.add(number.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		int year = LocalDate.now(Demands.CHINA).getYear();
		assertThat(issued).hasSize(8).doesNotHaveDuplicates().allMatch(n -> n.matches("JF-500151-" + year + "-\\d{6}"));
		List<Integer> sequences = issued.stream()
			.map(n -> Integer.parseInt(n.substring(n.length() - 6)))
			.sorted()
			.toList();
		assertThat(sequences.get(7) - sequences.get(0)).isEqualTo(7);
		for (DemandId id : ids) {
			Demand demand = this.desk.view(issuer, id);
			assertThat(demand.status()).isEqualTo(DemandStatus.ISSUED);
			assertThat(issued).contains(demand.gateNumber());
		}
		assertThat(this.audit.recent(0, 100)).filteredOn(r -> r.type().equals("demand.issued"))
			.hasSizeGreaterThanOrEqualTo(8);
	}

	@Test
	void numbersAreFormattedWithTheCountyPrefixAndSixDigits() {
		assertThat(GateNumbers.format("500151", 2026, 123)).isEqualTo("JF-500151-2026-000123");
	}

}
