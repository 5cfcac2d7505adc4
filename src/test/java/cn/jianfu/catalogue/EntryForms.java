package cn.jianfu.catalogue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issued forms and held values for the data-entry tests, written straight into the tables
 * that the gate's {@code DemandIssued} listener fills (the path through the gate is
 * covered by {@code FormGateTests}).
 */
final class EntryForms {

	static final String COUNTY = "500151000000";

	static final String TOWNSHIP = "500151001000";

	private EntryForms() {
	}

	/**
	 * A monthly form of 铜梁区's 区民政局 (account {@code issuer}) addressed to
	 * {@code recipients} at {@code recipientLevel} under {@code recipientUnder}, one
	 * field per indicator code; its id is above {@code idBase}, clear of the gate's
	 * demands.
	 */
	static long issued(JdbcClient jdbc, long idBase, String title, String period, LocalDate deadline,
			int recipientLevel, String recipientUnder, List<String> recipients, String... codes) {
		long id = jdbc.sql("select coalesce(max(demand_id), 0) + 1 from catalogue_form").query(Long.class).single()
				+ idBase;
		jdbc.sql("insert into catalogue_form (demand_id, issuer_unit, issuer_account, title, period_type, period,"
				+ " recipient_level, recipient_under, deadline, status, created_at, issued_at, owner) values (:id,"
				+ " :issuer, 'issuer', :title, 'MONTH', :period, :level, :under, :deadline, 'ISSUED', :now, :now,"
				+ " '区民政局')")
			.param("id", id)
			.param("issuer", COUNTY)
			.param("title", title)
			.param("period", period)
			.param("level", recipientLevel)
			.param("under", recipientUnder)
			.param("deadline", Date.valueOf(deadline))
			.param("now", Timestamp.from(Instant.now()))
			.update();
		for (int i = 0; i < codes.length; i++) {
			jdbc.sql("insert into catalogue_form_field (demand_id, position, label, decision, indicator_code)"
					+ " select :id, :pos, name, 'match', code from catalogue_indicator where code = :code")
				.param("id", id)
				.param("pos", i)
				.param("code", codes[i])
				.update();
		}
		for (String unit : recipients) {
			jdbc.sql("insert into catalogue_form_recipient (demand_id, unit_code) values (:id, :unit)")
				.param("id", id)
				.param("unit", unit)
				.update();
		}
		return id;
	}

	/** A value the catalogue already holds for a unit and period (written by no form). */
	static void held(JdbcClient jdbc, String code, String unit, String period, String value, String by) {
		jdbc.sql("insert into catalogue_value (indicator_code, unit_code, period, value_text, version, updated_by,"
				+ " updated_at) values (:code, :unit, :period, :value, 1, :by, :now)")
			.param("code", code)
			.param("unit", unit)
			.param("period", period)
			.param("value", value)
			.param("by", by)
			.param("now", Timestamp.from(Instant.now()))
			.update();
	}

}
