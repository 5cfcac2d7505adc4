package cn.jianfu.documents.internal;

import java.util.EnumSet;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.CitedCheck;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * A white-header note (or a numbered document) that sets tasks is a document and counts
 * against the issuer's yearly document quota (便笺、白头文件计入). The gate's quota rule counts
 * demands of kind DOCUMENT, so a note filed as "other" would escape it: such a demand
 * needs a justification that names the document count it adds to, and should be filed as
 * a document.
 */
@Component
class DocumentNoteQuotaCheck extends CitedCheck {

	static final String CODE = "document.note-quota";

	static final String RULE = "document.quota.notes";

	DocumentNoteQuotaCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		if (demand.kind() != DemandKind.OTHER || !context.rules().flag(RULE)) {
			return Stream.empty();
		}
		ParsedDocument parsed = DocumentReader.parseText(demand.title() + "\n" + demand.body());
		OfficialElements e = parsed.elements();
		if (!e.directive() || e.kind() == OfficialElements.Kind.OTHER) {
			return Stream.empty();
		}
		int year = context.today().getYear();
		EnumSet<DemandKind> documents = EnumSet.of(DemandKind.DOCUMENT);
		long thisYear = context.history().issued(demand.issuerUnitCode(), demand.issuerDepartmentId(), documents, year);
		long lastYear = context.history()
			.issued(demand.issuerUnitCode(), demand.issuerDepartmentId(), documents, year - 1);
		String evidence = "kind=OTHER reads as a " + e.kind().json() + " that sets tasks"
				+ (e.docNumber() == null ? "" : " (" + e.docNumber() + ")") + "; documents issued " + year + "="
				+ thisYear + ", issued " + (year - 1) + "=" + lastYear + "; with this one " + (thisYear + 1);
		Bilingual.Text text = this.messages.text("check." + CODE + ".finding", Long.toString(thisYear + 1),
				Long.toString(lastYear), Integer.toString(year));
		return Stream
			.of(new Finding(CODE, Severity.JUSTIFY, text.zh(), text.en(), evidence, context.rules().source(RULE)));
	}

}
