package cn.jianfu.catalogue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.catalogue.internal.Indicator.Aggregation;
import cn.jianfu.catalogue.internal.Indicator.PeriodType;
import cn.jianfu.catalogue.internal.Indicator.ValueType;
import cn.jianfu.gate.DemandApproved;
import cn.jianfu.gate.DemandIssued;

/**
 * What the gate's decisions mean for forms: once a form is approved (or issued without
 * needing approval) its genuinely new fields enter the catalogue as indicators owned by
 * the issuer; once issued, the form binds its recipients, which the repeat check and data
 * entry read.
 */
@Component
class FormEvents {

	static final String PREFIX = "XZ";

	/**
	 * Units of things counted one by one: a new field measured in them takes integers.
	 */
	static final java.util.Set<String> COUNTED = java.util.Set.of("人", "户", "个", "家", "所", "张", "栋", "间", "处", "项", "次",
			"人次", "户次", "名", "件", "座", "辆", "台", "套", "条");

	private final JdbcClient jdbc;

	private final Indicators indicators;

	private final AuditLog audit;

	private final Clock clock;

	FormEvents(JdbcClient jdbc, Indicators indicators, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.indicators = indicators;
		this.audit = audit;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DemandApproved approved) {
		admit(approved.demandId(), "APPROVED");
	}

	@ApplicationModuleListener
	void on(DemandIssued issued) {
		if (admit(issued.demandId(), "ISSUED") == 0 && !exists(issued.demandId())) {
			return;
		}
		this.jdbc.sql("update catalogue_form set status = 'ISSUED', issued_at = :at where demand_id = :id")
			.param("at", Timestamp.from(issued.issuedAt()))
			.param("id", issued.demandId())
			.update();
		for (String unit : issued.demand().recipientUnitCodes()) {
			this.jdbc
				.sql("insert into catalogue_form_recipient (demand_id, unit_code) select :id, :unit where not exists"
						+ " (select 1 from catalogue_form_recipient where demand_id = :id and unit_code = :unit)")
				.param("id", issued.demandId())
				.param("unit", unit)
				.update();
		}
	}

	private boolean exists(long demandId) {
		return this.jdbc.sql("select count(*) from catalogue_form where demand_id = :id")
			.param("id", demandId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Adds the form's new fields to the catalogue (once) and sets the form's status.
	 * @return how many indicators were added
	 */
	int admit(long demandId, String status) {
		var form = this.jdbc.sql("select period_type, owner, status from catalogue_form where demand_id = :id")
			.param("id", demandId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.optional();
		if (form.isEmpty()) {
			return 0;
		}
		if (!form.get()[2].equals("ISSUED")) {
			this.jdbc.sql("update catalogue_form set status = :status where demand_id = :id")
				.param("status", status)
				.param("id", demandId)
				.update();
		}
		List<Object[]> proposed = this.jdbc.sql(
				"select position, label, unit from catalogue_form_field where demand_id = :id and indicator_code is null"
						+ " order by position")
			.param("id", demandId)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getString(2), rs.getString(3) })
			.list();
		int added = 0;
		for (Object[] field : proposed) {
			String label = (String) field[1];
			String unit = (String) field[2];
			NameSlots slots = NameSlots.parse(label, unit);
			String name = stripUnit(label);
			boolean ratio = "%".equals(unit) || "‰".equals(unit) || "比率".equals(slots.statistic())
					|| "增速".equals(slots.statistic());
			String code = this.indicators.nextCode(PREFIX);
			ValueType type = ratio ? ValueType.PERCENT
					: unit != null && COUNTED.contains(unit) ? ValueType.INTEGER : ValueType.DECIMAL;
			this.indicators.write(List.of(new Indicator(code, name, "由报表（事项 " + demandId + "）新增：" + label, unit, type,
					ratio ? Aggregation.NONE : Aggregation.SUM, PeriodType.valueOf(form.get()[0]), form.get()[1], null,
					null, this.clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate(), null)));
			this.jdbc
				.sql("update catalogue_form_field set indicator_code = :code where demand_id = :id and position = :pos")
				.param("code", code)
				.param("id", demandId)
				.param("pos", field[0])
				.update();
			added++;
		}
		if (added > 0) {
			this.audit.record(new AuditEvent(AuditTypes.SYSTEM, "catalogue.indicators-added", AuditResult.SUCCESS,
					"demand:" + demandId, added + " new indicators from the approved form"));
		}
		return added;
	}

	static String stripUnit(String label) {
		String name = label.replaceAll("[（(][^（）()]{1,8}[）)]\\s*$", "").strip();
		return name.isEmpty() ? label : name;
	}

}
