package cn.jianfu.catalogue.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.CitedCheck;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.Unit;
import cn.jianfu.platform.Bilingual;

/**
 * The catalogue's gate checks on data requests, reading the form's details: the
 * indicators it asks of the recipients ({@code form.indicators}) and the names it
 * proposes ({@code form.proposed}, matched against the catalogue here).
 */
final class FormChecks {

	private FormChecks() {
	}

	/**
	 * The indicators a data request asks its recipients for, by code, with the field
	 * name.
	 */
	static Map<String, String> asked(DemandSnapshot demand, Matcher matcher, Forms forms) {
		Map<String, String> asked = new LinkedHashMap<>();
		if (demand.kind() != DemandKind.DATA_REQUEST) {
			return asked;
		}
		// the issuer's own label of each asked indicator when the form is stored here
		// (a draft made through the REST API has the codes only)
		Map<String, String> labels = new LinkedHashMap<>();
		for (Forms.Field field : forms.fields(demand.id())) {
			if (field.indicatorCode() != null) {
				labels.putIfAbsent(field.indicatorCode(), field.label());
			}
		}
		String codes = demand.details().getOrDefault("form.indicators", "");
		for (String code : codes.split(",")) {
			if (!code.isBlank()) {
				asked.put(code.strip(), labels.getOrDefault(code.strip(), code.strip()));
			}
		}
		List<String> proposed = demand.details()
			.getOrDefault("form.proposed", "")
			.lines()
			.map(String::strip)
			.filter(l -> !l.isEmpty() && l.length() <= Indicator.NAME_LENGTH)
			.limit(Matcher.MAX_NAMES)
			.toList();
		if (!proposed.isEmpty()) {
			for (MatchIndex.Result result : matcher.match(proposed)) {
				if (result.decision() == MatchIndex.Decision.MATCH && result.best() != null) {
					asked.putIfAbsent(result.best().code(), result.name());
				}
			}
		}
		return asked;
	}

	static Finding finding(Bilingual messages, String code, String evidence, RuleRef rule, Object... args) {
		Bilingual.Text text = messages.text("check." + code + ".finding", args);
		return new Finding(code, Severity.BLOCK, text.zh(), text.en(), evidence, rule);
	}

	/**
	 * A field that another department already collects from these recipients: BLOCK,
	 * naming the indicator, its collector and how to get the values.
	 */
	@Component
	static class Held extends CitedCheck {

		static final String CODE = "catalogue.held";

		static final String RULE = "catalogue.held.block";

		private final Matcher matcher;

		private final Forms forms;

		private final Indicators indicators;

		Held(Matcher matcher, Forms forms, Indicators indicators, Bilingual messages) {
			super(CODE, RULE, messages);
			this.matcher = matcher;
			this.forms = forms;
			this.indicators = indicators;
		}

		@Override
		public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
			if (demand.kind() != DemandKind.DATA_REQUEST || !context.rules().flag(RULE)
					|| context.recipients().isEmpty()) {
				return Stream.empty();
			}
			List<Finding> findings = new ArrayList<>();
			for (var entry : asked(demand, this.matcher, this.forms).entrySet()) {
				String code = entry.getKey();
				Optional<Forms.Collection> everywhere = Optional.empty();
				boolean all = true;
				for (Unit recipient : context.recipients()) {
					Optional<Forms.Collection> held = this.forms.collected(code, recipient.code());
					if (held.isEmpty()) {
						all = false;
						break;
					}
					everywhere = held;
				}
				if (!all || everywhere.isEmpty()) {
					continue;
				}
				Forms.Collection c = everywhere.get();
				String name = this.indicators.find(code).map(Indicator::name).orElse(code);
				findings.add(finding(this.messages, CODE,
						"field=" + entry.getValue() + ", indicator=" + code + ", collector=" + c.collector()
								+ ", under=" + c.underUnit() + ", source=" + c.source(),
						context.rules().source(RULE), entry.getValue(), code, name, c.collector(), c.source()));
			}
			return findings.stream();
		}

	}

	/**
	 * The same indicator already requested of the same units for the same period by
	 * another issuer, in a form it issued: BLOCK (同一情况反复调度).
	 */
	@Component
	static class Repeat extends CitedCheck {

		static final String CODE = "catalogue.repeat";

		static final String RULE = "catalogue.repeat.block";

		private final Matcher matcher;

		private final JdbcClient jdbc;

		private final Forms forms;

		Repeat(Matcher matcher, JdbcClient jdbc, Bilingual messages, Forms forms) {
			super(CODE, RULE, messages);
			this.matcher = matcher;
			this.jdbc = jdbc;
			this.forms = forms;
		}

		@Override
		public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
			String period = demand.details().get("form.period");
			if (demand.kind() != DemandKind.DATA_REQUEST || period == null || !context.rules().flag(RULE)
					|| context.recipients().isEmpty()) {
				return Stream.empty();
			}
			List<String> units = context.recipients().stream().map(Unit::code).toList();
			List<Finding> findings = new ArrayList<>();
			for (var entry : asked(demand, this.matcher, this.forms).entrySet()) {
				List<Earlier> earlier = this.jdbc
					.sql("select f.demand_id, f.title, f.owner, count(distinct r.unit_code) from catalogue_form f"
							+ " join catalogue_form_field d on d.demand_id = f.demand_id"
							+ " join catalogue_form_recipient r on r.demand_id = f.demand_id"
							+ " where f.status = 'ISSUED' and f.period = :period and d.indicator_code = :code"
							+ " and f.issuer_unit <> :issuer and f.demand_id <> :id and r.unit_code in (:units)"
							+ " group by f.demand_id, f.title, f.owner order by f.demand_id")
					.param("period", period)
					.param("code", entry.getKey())
					.param("issuer", demand.issuerUnitCode())
					.param("id", demand.id())
					.param("units", units)
					.query((rs, n) -> new Earlier(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
					.list();
				for (Earlier e : earlier) {
					findings.add(finding(this.messages, CODE,
							"field=" + entry.getValue() + ", indicator=" + entry.getKey() + ", period=" + period
									+ ", earlier demand=" + e.demandId() + ", units in common=" + e.units(),
							context.rules().source(RULE), entry.getValue(), entry.getKey(), period, e.owner(),
							e.title(), e.units()));
				}
			}
			return findings.stream();
		}

		record Earlier(long demandId, String title, String owner, long units) {
		}

	}

}
