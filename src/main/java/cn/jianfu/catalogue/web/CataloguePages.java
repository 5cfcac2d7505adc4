package cn.jianfu.catalogue.web;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.jianfu.catalogue.internal.Catalogue;
import cn.jianfu.catalogue.internal.ImportReport;
import cn.jianfu.catalogue.internal.Indicator;
import cn.jianfu.catalogue.internal.Matcher;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.FileStore;
import cn.jianfu.platform.Page;

/**
 * The catalogue page: search indicators by code, name or owner; export the catalogue as
 * Excel or CSV; stewards import a file, all or nothing, and see every error with its
 * sheet, row and column.
 */
@Controller
class CataloguePages {

	static final int PAGE_SIZE = 50;

	private final Catalogue catalogue;

	private final Matcher matcher;

	CataloguePages(Catalogue catalogue, Matcher matcher) {
		this.catalogue = catalogue;
		this.matcher = matcher;
	}

	@GetMapping("/catalogue/match")
	String matchForm(Model model) {
		model.addAttribute("names", "");
		return "catalogue/match";
	}

	@PostMapping("/catalogue/match")
	String match(@RequestParam(defaultValue = "") String names, Model model) {
		List<String> lines = names.lines()
			.map(String::strip)
			.filter(l -> !l.isEmpty())
			.limit(Matcher.MAX_NAMES)
			.toList();
		model.addAttribute("names", names);
		model.addAttribute("results",
				this.matcher.match(lines.stream()
					.map(l -> l.length() > Indicator.NAME_LENGTH ? l.substring(0, Indicator.NAME_LENGTH) : l)
					.toList()));
		return "catalogue/match";
	}

	@GetMapping("/catalogue")
	String search(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("results", this.catalogue.search(q, new Page.Request(Math.max(0, page), PAGE_SIZE)));
		model.addAttribute("steward", Catalogue.steward(signed.viewer()));
		return "catalogue/indicators";
	}

	@GetMapping("/catalogue/indicators.{format}")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String format) {
		return Downloads.file("jianfu-catalogue", format, this.catalogue.export(signed.viewer(), format));
	}

	@PostMapping("/catalogue/import")
	String importFile(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable MultipartFile file, Model model) throws IOException {
		byte[] bytes = CatalogueUploads.read(file);
		ImportReport report = this.catalogue.importFile(signed.viewer(),
				FileStore.displayName(file.getOriginalFilename()), bytes);
		model.addAttribute("report", report);
		model.addAttribute("q", "");
		model.addAttribute("results", this.catalogue.search("", new Page.Request(0, PAGE_SIZE)));
		model.addAttribute("steward", true);
		return "catalogue/indicators";
	}

}
