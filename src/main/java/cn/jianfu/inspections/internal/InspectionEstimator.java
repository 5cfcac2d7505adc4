package cn.jianfu.inspections.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.ledger.BurdenEstimator;
import cn.jianfu.ledger.Estimate;
import cn.jianfu.org.Unit;
import cn.jianfu.platform.Bilingual;

/**
 * The burden of an inspection on each target unit: preparation days from the materials
 * checklist (each material's days from the rulebook), plus hosting days when on site,
 * times the working hours of a day, times the staff who prepare. Without a checklist the
 * rulebook's default preparation days apply.
 */
@Component
class InspectionEstimator implements BurdenEstimator {

	private final MessageSource messages;

	InspectionEstimator(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public boolean supports(DemandKind kind) {
		return kind == DemandKind.INSPECTION;
	}

	@Override
	public Estimate estimate(DemandSnapshot demand, Unit recipient, RuleValues rules) {
		InspectionDetails details = InspectionDetails.of(demand, java.time.LocalDate.now().getYear());
		BigDecimal days = BigDecimal.ZERO;
		List<String> zh = new ArrayList<>();
		List<String> en = new ArrayList<>();
		for (Material m : details.materials().stream().sorted().toList()) {
			BigDecimal d = rules.decimal(m.rule());
			days = days.add(d);
			zh.add(name(m, Bilingual.CHINESE) + " " + plain(d) + " 天");
			en.add(name(m, Bilingual.ENGLISH) + " " + plain(d) + " d");
		}
		if (details.materials().isEmpty()) {
			BigDecimal d = rules.decimal("burden.inspection.preparation-days");
			days = days.add(d);
			zh.add("默认准备 " + plain(d) + " 天");
			en.add("default preparation " + plain(d) + " d");
		}
		if (details.onSite()) {
			BigDecimal d = rules.decimal("burden.inspection.on-site-days");
			days = days.add(d);
			zh.add("实地接待 " + plain(d) + " 天");
			en.add("hosting the visit " + plain(d) + " d");
		}
		BigDecimal staff = details.staff() != null ? BigDecimal.valueOf(details.staff())
				: rules.decimal("burden.inspection.staff");
		BigDecimal perDay = rules.decimal("burden.hours-per-day");
		BigDecimal hours = days.multiply(perDay).multiply(staff);
		return new Estimate(hours,
				"%s h = (%s) × %s 小时/天 × %s 人".formatted(plain(hours), String.join(" + ", zh), plain(perDay),
						plain(staff)),
				"%s h = (%s) × %s h a day × %s staff".formatted(plain(hours), String.join(" + ", en), plain(perDay),
						plain(staff)));
	}

	private String name(Material material, Locale locale) {
		return this.messages.getMessage(material.messageKey(), null, material.key(), locale);
	}

	static String plain(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
