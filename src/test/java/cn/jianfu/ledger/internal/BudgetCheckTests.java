package cn.jianfu.ledger.internal;

import static cn.jianfu.ledger.internal.Fixtures.BACHUAN;
import static cn.jianfu.ledger.internal.Fixtures.DONGFANG;
import static cn.jianfu.ledger.internal.Fixtures.bachuanStreet;
import static cn.jianfu.ledger.internal.Fixtures.demand;
import static cn.jianfu.ledger.internal.Fixtures.dongfangCommunity;
import static cn.jianfu.ledger.internal.Fixtures.tongliangDistrict;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jianfu.DatabaseTest;
import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.Unit;

/**
 * The months are in 2040, which no other test and no benchmark books hours into: the test
 * context, and so the database, is shared with every other {@code @DatabaseTest} class.
 */
@DatabaseTest
class BudgetCheckTests {

	@Autowired
	BudgetCheck check;

	@Autowired
	LedgerEntries entries;

	@Autowired
	Rulebook rulebook;

	@Test
	void passesWhenEveryRecipientStaysUnderItsBudget() {
		LocalDate due = LocalDate.of(2040, 1, 20);
		book(78, due, BACHUAN);
		assertThat(check(hours(1, due, BACHUAN), bachuanStreet())).isEmpty();
	}

	@Test
	void passesAtExactlyTheBudget() {
		LocalDate due = LocalDate.of(2040, 2, 20);
		book(78, due, BACHUAN);
		book(18, due, DONGFANG);
		assertThat(check(hours(2, due, BACHUAN, DONGFANG), bachuanStreet(), dongfangCommunity())).isEmpty();
	}

	@Test
	void asksForJustificationNamingEachUnitOverItsBudgetWithItsHours() {
		LocalDate due = LocalDate.of(2040, 3, 20);
		book(78, due, BACHUAN);
		book(10, due, DONGFANG);
		List<Finding> findings = check(hours(2.5, due, BACHUAN, DONGFANG), bachuanStreet(), dongfangCommunity());
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("budget.monthly");
			assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
			assertThat(f.messageZh()).contains("1 个基层单位").contains("2040-03");
			assertThat(f.evidence()).contains("巴川街道（500151001000）：已有 78 h + 本事项 2.5 h = 80.5 h，预算 80 h")
				.contains("budget 80 h")
				.doesNotContain("东方社区");
			assertThat(f.rule().document()).isEqualTo("辖区规则（Jianfu 默认值）");
			assertThat(f.rule().article()).isEqualTo("基层负担预算");
		});
	}

	@Test
	void refusedEntriesDoNotCountAgainstTheBudget() {
		LocalDate due = LocalDate.of(2040, 4, 20);
		long id = book(30, due, DONGFANG);
		assertThat(check(hours(1, due, DONGFANG), dongfangCommunity())).hasSize(1);
		this.entries.update(this.entries.find(id, DONGFANG).orElseThrow(), "REFUSED", null, "无依据",
				java.sql.Timestamp.from(Instant.now()));
		assertThat(check(hours(1, due, DONGFANG), dongfangCommunity())).isEmpty();
	}

	@Test
	void ignoresRecipientsAboveTownshipLevel() {
		assertThat(check(hours(500, LocalDate.of(2040, 5, 1), Fixtures.TONGLIANG), tongliangDistrict())).isEmpty();
	}

	List<Finding> check(DemandSnapshot demand, Unit... recipients) {
		GateContext context = new GateContext(LocalDate.of(2026, 11, 26), this.rulebook.forUnit(tongliangDistrict()),
				null, List.of(recipients), Optional.empty(), null);
		return this.check.check(demand, context).toList();
	}

	long book(double hours, LocalDate due, String recipient) {
		long id = LedgerEntriesTests.newDemandId();
		DemandSnapshot demand = demand(id, DemandKind.OTHER, "x", Map.of("other.hours", String.valueOf(hours)),
				List.of(recipient), due);
		this.entries.record(new DemandIssued(id, "JF-500151-2026-" + id, demand, Instant.now()));
		return id;
	}

	static DemandSnapshot hours(double hours, LocalDate due, String... recipients) {
		return demand(0, DemandKind.OTHER, "x", Map.of("other.hours", String.valueOf(hours)), List.of(recipients), due);
	}

}
