package cn.jianfu.inspections.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * 留痕不作为评价依据: an inspection that asks for photos, meeting minutes, counts of documents
 * issued or study notes needs a justification, citing the rule.
 */
@Component
class InspectionMaterialsCheck extends InspectionCheck {

	static final String CODE = "inspection.materials";

	static final String RULE = "inspection.materials.no-trace-criteria";

	private final MessageSource source;

	InspectionMaterialsCheck(Bilingual messages, MessageSource source) {
		super(CODE, RULE, messages);
		this.source = source;
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, InspectionDetails details, GateContext context) {
		if (!context.rules().flag(RULE)) {
			return Stream.empty();
		}
		List<Material> traces = details.materials().stream().filter(Material::trace).sorted().toList();
		if (traces.isEmpty()) {
			return Stream.empty();
		}
		String zh = String.join("、", traces.stream().map(m -> name(m, Bilingual.CHINESE)).toList());
		String en = String.join(", ", traces.stream().map(m -> name(m, Bilingual.ENGLISH)).toList());
		Finding chinese = finding(Severity.JUSTIFY, "", context, zh);
		Finding english = finding(Severity.JUSTIFY, "", context, en);
		String evidence = "materials: " + String.join(",", traces.stream().map(Material::key).toList());
		return Stream.of(new Finding(CODE, Severity.JUSTIFY, chinese.messageZh(), english.messageEn(), evidence,
				chinese.rule()));
	}

	private String name(Material material, Locale locale) {
		return this.source.getMessage(material.messageKey(), null, material.key(), locale);
	}

}
