package cn.jianfu.gate.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates gate numbers {@code JF-<county prefix>-<year>-<6-digit sequence>}, one
 * sequence per county (the first six digits of the issuer's code) and year.
 * <p>
 * The counter row is created in a transaction of its own (a duplicate from a concurrent
 * creator is harmless, and on PostgreSQL would otherwise abort the caller's transaction),
 * then locked with {@code SELECT … FOR UPDATE} in the caller's transaction, so that
 * numbers are unique and a rolled-back issue gives its number back.
 */
@Component
class GateNumbers {

	private final JdbcClient jdbc;

	private final TransactionTemplate separate;

	GateNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Takes the next number; call inside the transaction that issues the demand. */
	String next(String issuerUnitCode, int year) {
		String county = issuerUnitCode.substring(0, 6);
		ensureCounter(county, year);
		long last = this.jdbc.sql(
				"select last_value from gate_number_counter where county_prefix = :county and counter_year = :year for update")
			.param("county", county)
			.param("year", year)
			.query(Long.class)
			.single();
		long next = last + 1;
		this.jdbc.sql(
				"update gate_number_counter set last_value = :next where county_prefix = :county and counter_year = :year")
			.param("next", next)
			.param("county", county)
			.param("year", year)
			.update();
		return format(county, year, next);
	}

	static String format(String county, int year, long sequence) {
		return String.format("JF-%s-%d-%06d", county, year, sequence);
	}

	private void ensureCounter(String county, int year) {
		boolean exists = this.jdbc
			.sql("select count(*) from gate_number_counter where county_prefix = :county and counter_year = :year")
			.param("county", county)
			.param("year", year)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			return;
		}
		try {
			this.separate.executeWithoutResult((status) -> this.jdbc.sql(
					"insert into gate_number_counter (county_prefix, counter_year, last_value) values (:county, :year, 0)")
				.param("county", county)
				.param("year", year)
				.update());
		}
		catch (DuplicateKeyException ex) {
			// another transaction created the row first
		}
	}

}
