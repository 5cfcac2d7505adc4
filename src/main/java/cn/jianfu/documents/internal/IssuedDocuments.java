package cn.jianfu.documents.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandKind;

/**
 * Issued DOCUMENT demands join the corpus, after the gate's transaction commits, so that
 * later submissions and reports are compared with them; registering the same demand twice
 * (a redelivered event) changes nothing.
 */
@Component
class IssuedDocuments {

	private final Corpus corpus;

	IssuedDocuments(Corpus corpus) {
		this.corpus = corpus;
	}

	@ApplicationModuleListener
	void on(DemandIssued event) {
		if (event.demand().kind() != DemandKind.DOCUMENT) {
			return;
		}
		var demand = event.demand();
		String text = demand.title() + "\n" + demand.body();
		ParsedDocument parsed = DocumentReader.parseText(text);
		if (parsed.elements().title() == null || !parsed.elements().title().equals(demand.title())) {
			OfficialElements e = parsed.elements();
			parsed = new ParsedDocument(parsed.format(), parsed.charset(), parsed.traditional(), parsed.text(),
					new OfficialElements(e.issuer(), e.docNumber(), demand.title(), e.recipients(), e.date(),
							e.attachments(), e.copyTo(), e.printedBy(), e.kind(), e.directive(), e.citedNumbers(),
							e.citedTitles(), e.relays()),
					parsed.mojibake());
		}
		this.corpus.register(new Corpus.Owner(demand.issuerUnitCode(), demand.issuerAccount(), "DEMAND", demand.id(),
				event.gateNumber()), parsed);
	}

}
