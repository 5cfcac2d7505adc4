package cn.jianfu.gate.checks;

import static cn.jianfu.gate.checks.CheckFixtures.context;
import static cn.jianfu.gate.checks.CheckFixtures.demand;
import static cn.jianfu.gate.checks.CheckFixtures.document;
import static cn.jianfu.gate.checks.CheckFixtures.messages;
import static cn.jianfu.gate.checks.CheckFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.Severity;

class DocumentLengthCheckTests {

	DocumentLengthCheck check = new DocumentLengthCheck(messages());

	@Test
	void passesADocumentAtTheLimit() {
		assertThat(run(this.check, document().length(5000).build(), context())).isEmpty();
	}

	@Test
	void asksToJustifyADocumentOverTheLimitCitingTheRule() {
		List<Finding> findings = run(this.check, document().length(5001).build(), context());
		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("document.length");
			assertThat(f.severity()).isEqualTo(Severity.JUSTIFY);
			assertThat(f.rule().document()).contains("整治形式主义为基层减负若干规定");
			assertThat(f.rule().article()).contains("提升文件质量");
			assertThat(f.evidence()).contains("length=5001", "limit=5000");
			assertThat(f.messageZh()).contains("5001", "5000");
			assertThat(f.messageEn()).contains("5001", "5000");
		});
	}

	@Test
	void appliesTheLowerLimitToASpecialTask() {
		assertThat(run(this.check, document().special().length(4000).build(), context())).isEmpty();
		assertThat(run(this.check, document().special().length(4001).build(), context())).singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains("limit=4000", "document.max-length.special"));
	}

	@Test
	void countsWithoutWhitespaceAndIgnoresOtherKinds() {
		assertThat(run(this.check, document().length(5000).build(), context())).isEmpty();
		assertThat(run(this.check, demand(DemandKind.MEETING).length(9000).build(), context())).isEmpty();
	}

	static DemandSnapshot withDetails(DemandSnapshot d, Map<String, String> details) {
		return new DemandSnapshot(d.id(), d.kind(), d.title(), d.body(), d.field(), d.legalBasis(), d.issuerUnitCode(),
				d.issuerDepartmentId(), d.issuerAccount(), d.recipientUnitCodes(), d.dueDate(), d.expiresOn(),
				d.parentId(), d.specialTask(), d.note(), d.relaysParent(), d.requiresRelay(), d.assessmentScore(),
				details);
	}

	@Test
	void countsTheNormalisedDocumentWhileTheBodyIsTheOneMeasured() {
		// A document drafted from a file whose text was cut at the gate's longest body:
		// the
		// documents module measured 6200 characters of normalised text for a
		// 4900-character
		// body.
		DemandSnapshot drafted = withDetails(document().length(4900).build(),
				Map.of("document.length", "6200", "document.length.body", "4900"));
		assertThat(run(this.check, drafted, context())).singleElement()
			.satisfies(f -> assertThat(f.evidence()).contains("length=6200", "normalised"));
		// The issuer edited the body since: the measure no longer applies.
		DemandSnapshot edited = withDetails(document().length(4950).build(),
				Map.of("document.length", "6200", "document.length.body", "4900"));
		assertThat(run(this.check, edited, context())).isEmpty();
		DemandSnapshot garbled = withDetails(document().length(4900).build(),
				Map.of("document.length", "many", "document.length.body", "4900"));
		assertThat(run(this.check, garbled, context())).isEmpty();
	}

}
