package cn.jianfu.documents.internal;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.GateContext;
import cn.jianfu.platform.Bilingual;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Severity;

/**
 * The relatives of a submitted DOCUMENT demand in the whole corpus, computed once per
 * submission and shared by the document checks; a document shorter than
 * {@code document.similarity.min-length} is not compared.
 */
@Component
class SimilarDemands {

	static final String MIN_LENGTH = "document.similarity.min-length";

	/**
	 * Fewest distinct shingles a text needs to be compared: filler (one character
	 * repeated) has too little content to call anything its duplicate.
	 */
	static final int MIN_SHINGLES = 100;

	private final Corpus corpus;

	private final Bilingual messages;

	private record Key(long id, int hash) {
	}

	/**
	 * The last demand's answer: the gate's three document checks ask for the same demand
	 * one after the other.
	 */
	private volatile Answer last = new Answer(new Key(-1, 0), List.of());

	private record Answer(Key key, List<Corpus.Related> related) {
	}

	SimilarDemands(Corpus corpus, Bilingual messages) {
		this.corpus = corpus;
		this.messages = messages;
	}

	List<Corpus.Related> of(DemandSnapshot demand, GateContext context) {
		if (demand.kind() != DemandKind.DOCUMENT || demand.length() < context.rules().integer(MIN_LENGTH)) {
			return List.of();
		}
		String text = demand.title() + "\n" + demand.body();
		Key key = new Key(demand.id(), Objects.hash(text));
		Answer answer = this.last;
		if (!answer.key().equals(key)) {
			// computed outside any lock: submissions of different demands do not wait for
			// each other
			ParsedDocument parsed = DocumentReader.parseText(text);
			List<Corpus.Related> related = (cn.jianfu.text.Shingles.of(parsed.text()).length < MIN_SHINGLES) ? List.of()
					: this.corpus.related(null, parsed, null)
						.stream()
						.filter(r -> r.demandId() == null || r.demandId() != demand.id())
						.toList();
			answer = new Answer(key, related);
			this.last = answer;
		}
		return answer.related();
	}

	Finding finding(String code, Severity severity, String evidence, RuleRef rule, Object... args) {
		return Finding.of(this.messages, code, severity, evidence, rule, args);
	}

	static String describe(Corpus.Related r) {
		return "document " + r.id() + (r.gateNumber() == null ? "" : " gate " + r.gateNumber())
				+ (r.docNumber() == null ? "" : " " + r.docNumber()) + " 《" + (r.title() == null ? "" : r.title())
				+ "》 jaccard=" + r.jaccard() + " containment-of-it=" + r.inQuery() + " containment-of-this="
				+ r.ofQuery();
	}

}
