package cn.jianfu.ledger.internal;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.jianfu.catalogue.SheetSubmitted;

/**
 * A unit's submitted sheet (the catalogue's {@link SheetSubmitted}, after the catalogue's
 * transaction commits): the data request is done in the unit's inbox, and the hours it
 * saved by confirming values Jianfu filled in are kept once per sheet, shown on the
 * dashboards beside the hours demanded.
 */
@Component
class EntrySavings {

	private final JdbcClient jdbc;

	private final LedgerEntries entries;

	EntrySavings(JdbcClient jdbc, LedgerEntries entries) {
		this.jdbc = jdbc;
		this.entries = entries;
	}

	@ApplicationModuleListener
	void on(SheetSubmitted saved) {
		this.entries.find(saved.demandId(), saved.unitCode())
			.filter(LedgerEntries.Entry::open)
			.ifPresent(
					entry -> this.entries.update(entry, "DONE", entry.actualHours(), null, Timestamp.from(saved.at())));
		if (saved.fields() == 0) {
			return;
		}
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
