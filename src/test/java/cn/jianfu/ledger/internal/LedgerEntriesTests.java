package cn.jianfu.ledger.internal;

import static cn.jianfu.ledger.internal.Fixtures.BACHUAN;
import static cn.jianfu.ledger.internal.Fixtures.DONGFANG;
import static cn.jianfu.ledger.internal.Fixtures.demand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.DatabaseTest;
import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandKind;

@DatabaseTest
class LedgerEntriesTests {

	@Autowired
	LedgerEntries entries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	static long newDemandId() {
		return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
	}

	static DemandIssued formIssued(long id, LocalDate due) {
		return new DemandIssued(id, "JF-500151-2026-" + id, demand(id, DemandKind.DATA_REQUEST, "请填报",
				Map.of("form.fields", "12", "form.prefilled", "8", "form.staff", "3"), List.of(BACHUAN, DONGFANG), due),
				Instant.parse("2026-11-20T02:00:00Z"));
	}

	@Test
	void writesOneEntryPerRecipientWithItsEstimateAndExplanation() {
		long id = newDemandId();
		this.entries.record(formIssued(id, LocalDate.of(2026, 12, 15)));
		List<LedgerEntries.Entry> bachuan = this.entries.addressedTo(BACHUAN)
			.stream()
			.filter(e -> e.demandId() == id)
			.toList();
		assertThat(bachuan).singleElement().satisfies(e -> {
			assertThat(e.gateNumber()).isEqualTo("JF-500151-2026-" + id);
			assertThat(e.kind()).isEqualTo("DATA_REQUEST");
			assertThat(e.legalBasis()).isEqualTo("《村民委员会组织法》第八条");
			assertThat(e.periodYear()).isEqualTo(2026);
			assertThat(e.periodMonth()).isEqualTo(12);
			assertThat(e.estimatedHours()).isEqualByComparingTo("1.6");
			assertThat(e.explanationZh()).startsWith("1.6 h = ((12 项 − 8 项预填)");
			assertThat(e.actualHours()).isNull();
			assertThat(e.status()).isEqualTo("OPEN");
		});
		assertThat(count(id)).isEqualTo(2);
	}

	@Test
	void redeliveredEventAddsNoEntries() {
		long id = newDemandId();
		DemandIssued event = formIssued(id, LocalDate.of(2026, 12, 15));
		this.entries.record(event);
		this.entries.record(event);
		assertThat(count(id)).isEqualTo(2);
	}

	@Test
	void demandWithoutDueDateFallsInTheMonthItWasIssuedInChina() {
		long id = newDemandId();
		DemandIssued event = new DemandIssued(id, "JF-500151-2026-" + id,
				demand(id, DemandKind.OTHER, "x", Map.of(), List.of(BACHUAN), null),
				Instant.parse("2026-11-30T17:00:00Z"));
		this.entries.record(event);
		assertThat(this.entries.find(id, BACHUAN)).hasValueSatisfying(e -> {
			assertThat(e.periodYear()).isEqualTo(2026);
			assertThat(e.periodMonth()).isEqualTo(12);
		});
	}

	@Test
	void issuedEventPublishedInATransactionReachesTheLedgerAfterCommit() {
		long id = newDemandId();
		this.transactions
			.executeWithoutResult(s -> this.events.publishEvent(formIssued(id, LocalDate.of(2026, 12, 1))));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(id)).isEqualTo(2));
	}

	@Test
	void concurrentDemandsForTheSameUnitAndMonthKeepTheRollupsEqualToTheEntries() throws Exception {
		LocalDate due = LocalDate.of(2029, 5, 10);
		List<Long> ids = java.util.stream.LongStream.range(0, 12).map(i -> newDemandId()).boxed().toList();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<Integer>> written = pool
				.invokeAll(ids.stream().<java.util.concurrent.Callable<Integer>>map(
						id -> () -> this.entries.record(new DemandIssued(id, "JF-" + id,
								demand(id, DemandKind.OTHER, "x", Map.of("other.hours", "1.5"),
										List.of(BACHUAN, DONGFANG), due),
								Instant.now())))
					.toList());
			for (java.util.concurrent.Future<Integer> f : written) {
				assertThat(f.get()).isEqualTo(2);
			}
		}
		finally {
			pool.shutdown();
		}
		java.math.BigDecimal rolled = this.jdbc
			.sql("select sum(estimated_hours) from ledger_unit_month where period_year = 2029 and period_month = 5"
					+ " and kind = 'OTHER' and recipient_unit_code in ('" + BACHUAN + "', '" + DONGFANG + "')")
			.query(java.math.BigDecimal.class)
			.single();
		java.math.BigDecimal summed = this.jdbc
			.sql("select sum(estimated_hours) from ledger_entry where period_year = 2029 and period_month = 5"
					+ " and kind = 'OTHER' and recipient_unit_code in ('" + BACHUAN + "', '" + DONGFANG + "')")
			.query(java.math.BigDecimal.class)
			.single();
		assertThat(rolled).isEqualByComparingTo(summed).isEqualByComparingTo("36");
	}

	long count(long demandId) {
		return this.jdbc.sql("select count(*) from ledger_entry where demand_id = :d")
			.param("d", demandId)
			.query(Long.class)
			.single();
	}

}
