package cn.jianfu.documents.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The documents pages: full-text search over the documents the account may see, one
 * document with its elements and relatives, and the reports of ungated demands flagged in
 * the account's scope.
 */
@Controller
class DocumentsPages {

	private final Corpus corpus;

	private final SearchIndex search;

	private final UngatedReports ungated;

	DocumentsPages(Corpus corpus, SearchIndex search, UngatedReports ungated) {
		this.corpus = corpus;
		this.search = search;
		this.ungated = ungated;
	}

	@GetMapping("/documents")
	String search(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(required = false) @Nullable String q,
			Model model) {
		Viewer viewer = signed.viewer();
		String query = q == null ? "" : q.strip();
		if (query.length() > 200) {
			query = query.substring(0, 200);
		}
		model.addAttribute("q", query);
		model.addAttribute("hits",
				query.isEmpty() ? java.util.List.of() : this.search.search(viewer.scope(), query, 20));
		model.addAttribute("recent", query.isEmpty() ? this.corpus.recent(viewer.scope(), 20) : java.util.List.of());
		return "documents/search";
	}

	/**
	 * One document; by query parameter, so that the authorization matrix (which expands
	 * only the gate's path variables) can call it.
	 */
	@GetMapping("/documents/view")
	String document(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(required = false) @Nullable Long id,
			@RequestParam(required = false) @Nullable String number, Model model) {
		Viewer viewer = signed.viewer();
		java.util.Optional<Corpus.Stored> found = id != null ? this.corpus.find(viewer.scope(), id)
				: number != null ? this.corpus.findByNumber(viewer.scope(), number) : java.util.Optional.empty();
		Corpus.Stored document = found.orElseThrow(() -> Problem.notFound("document", id != null ? id : number));
		model.addAttribute("document", document);
		model.addAttribute("related",
				this.corpus.related(viewer.scope(), DocumentReader.parseText(document.body()), document.id()));
		return "documents/document";
	}

	@GetMapping("/documents/ungated")
	String ungated(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		model.addAttribute("reports", this.ungated.within(signed.viewer().scope(), 200));
		return "documents/ungated";
	}

}
