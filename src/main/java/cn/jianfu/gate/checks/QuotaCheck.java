package cn.jianfu.gate.checks;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.platform.Bilingual;
import cn.jianfu.gate.CitedCheck;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;

/**
 * 只减不增: when the issuer has already issued as many demands of this kind this year as in
 * all of last year, one more needs a written explanation. White-header notes are
 * documents and count.
 */
@Component
class QuotaCheck extends CitedCheck {

	static final String CODE = "quota.yearly";

	static final String RULE = "document.quota.only-decrease";

	QuotaCheck(Bilingual messages) {
		super(CODE, RULE, messages);
	}

	@Override
	public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
		if (!context.rules().flag(RULE)) {
			return Stream.empty();
		}
		Set<cn.jianfu.gate.DemandKind> kinds = EnumSet.of(demand.kind());
		int year = context.today().getYear();
		long thisYear = context.history().issued(demand.issuerUnitCode(), demand.issuerDepartmentId(), kinds, year);
		long lastYear = context.history().issued(demand.issuerUnitCode(), demand.issuerDepartmentId(), kinds, year - 1);
		if (thisYear < lastYear) {
			return Stream.empty();
		}
		String evidence = "kind=" + demand.kind() + " issued " + year + "=" + thisYear + ", issued " + (year - 1) + "="
				+ lastYear + (demand.note() ? ", note counts as a document" : "");
		return Stream.of(Finding.of(this.messages, CODE, Severity.JUSTIFY, evidence, context.rules().source(RULE),
				thisYear, lastYear, year));
	}

}
