package cn.jianfu.duties.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * The gate checks of the lists: {@value #OFF_LIST} names the recipients a demand reaches
 * outside their list (JUSTIFY or WARN by kind, {@code duties.off-list.justify.<kind>};
 * for a meeting the 陪会 warning), {@value #TAKEN_BACK} blocks a demand that hands back an
 * item an upper department has taken back, and {@value #CERTIFICATE} blocks a demand
 * asking a village for a certificate it may not issue.
 */
@Configuration(proxyBeanMethods = false)
class ListChecks {

	static final String OFF_LIST = "duties.off-list";

	static final String TAKEN_BACK = "duties.taken-back";

	static final String CERTIFICATE = "duties.certificate";

	@Bean
	GateCheck dutiesOffListCheck(ListReading reading, Bilingual messages) {
		return new Check(OFF_LIST, "duties.off-list.justify.document", ListReading.Issue.Type.OFF_LIST, reading,
				messages) {

			@Override
			Severity severity(DemandSnapshot demand, GateContext context) {
				String key = "duties.off-list.justify."
						+ demand.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
				return context.rules().flag(key) ? Severity.JUSTIFY : Severity.WARN;
			}

			@Override
			RuleRef source(DemandSnapshot demand, GateContext context) {
				return context.rules()
					.source("duties.off-list.justify."
							+ demand.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
			}

			@Override
			String findingKey(DemandSnapshot demand) {
				return demand.kind() == cn.jianfu.gate.DemandKind.MEETING ? "check.duties.off-list.finding.meeting"
						: "check.duties.off-list.finding";
			}

		};
	}

	@Bean
	GateCheck dutiesTakenBackCheck(ListReading reading, Bilingual messages) {
		return new Check(TAKEN_BACK, "duties.taken-back.block", ListReading.Issue.Type.TAKEN_BACK, reading, messages);
	}

	@Bean
	GateCheck dutiesCertificateCheck(ListReading reading, Bilingual messages) {
		return new Check(CERTIFICATE, "duties.certificate.block", ListReading.Issue.Type.CERTIFICATE, reading,
				messages);
	}

	/**
	 * One check over one type of issue: a finding naming every recipient concerned, with
	 * each one's reason as evidence.
	 */
	static class Check implements GateCheck {

		private final String code;

		private final String rule;

		private final ListReading.Issue.Type type;

		private final ListReading reading;

		private final Bilingual messages;

		Check(String code, String rule, ListReading.Issue.Type type, ListReading reading, Bilingual messages) {
			this.code = code;
			this.rule = rule;
			this.type = type;
			this.reading = reading;
			this.messages = messages;
		}

		@Override
		public String code() {
			return this.code;
		}

		@Override
		public RuleRef rule() {
			return Rulebook.source(this.rule);
		}

		Severity severity(DemandSnapshot demand, GateContext context) {
			return context.rules().flag(this.rule) ? Severity.BLOCK : Severity.JUSTIFY;
		}

		RuleRef source(DemandSnapshot demand, GateContext context) {
			return context.rules().source(this.rule);
		}

		String findingKey(DemandSnapshot demand) {
			return "check." + this.code + ".finding";
		}

		@Override
		public Stream<Finding> check(DemandSnapshot demand, GateContext context) {
			List<ListReading.Issue> issues = this.reading.read(demand, context.recipients())
				.stream()
				.filter(i -> i.type() == this.type)
				.toList();
			if (issues.isEmpty()) {
				return Stream.empty();
			}
			String names = issues.stream().map(ListReading.Issue::unitName).collect(Collectors.joining("、"));
			Bilingual.Text text = this.messages.text(findingKey(demand), String.valueOf(issues.size()), names);
			RuleRef source = source(demand, context);
			String evidence = issues.stream()
				.map(i -> i.unitName() + "（" + i.unitCode() + "）：" + i.zh())
				.collect(Collectors.joining("；"))
					+ "\n"
					+ issues.stream()
						.map(i -> i.unitName() + " (" + i.unitCode() + "): " + i.en())
						.collect(Collectors.joining("; "))
					+ "\n" + source;
			return Stream.of(new Finding(this.code, severity(demand, context), text.zh(), text.en(), evidence, source));
		}

	}

}
