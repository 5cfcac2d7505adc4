package cn.jianfu.ledger.internal;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.jianfu.catalogue.EntryHoursSaved;

/**
 * Keeps the hours a unit saved at data entry by confirming values Jianfu filled in (the
 * catalogue's {@link EntryHoursSaved}), once per sheet, after the catalogue's transaction
 * commits; the dashboards show them beside the hours demanded.
 */
@Component
class EntrySavings {

	private final JdbcClient jdbc;

	EntrySavings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(EntryHoursSaved saved) {
		this.jdbc
			.sql("insert into ledger_hours_saved (demand_id, unit_code, fields, hours, saved_at) select :demand, :unit,"
					+ " :fields, :hours, :at where not exists (select 1 from ledger_hours_saved where demand_id = :demand"
					+ " and unit_code = :unit)")
			.param("demand", saved.demandId())
			.param("unit", saved.unitCode())
			.param("fields", saved.fields())
			.param("hours", saved.hours())
			.param("at", Timestamp.from(saved.at()))
			.update();
	}

}
