package cn.jianfu.catalogue.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.jianfu.catalogue.internal.Entry;
import cn.jianfu.catalogue.internal.EntryWorkbook;
import cn.jianfu.catalogue.internal.ImportReport;
import cn.jianfu.catalogue.internal.ValueCorrections;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The grassroots' data entry (填报) and corrections. A refused save shows the page again
 * with what was entered, so nothing typed is lost.
 */
@Controller
class EntryPages {

	static final String PREFIX = "v.";

	private final Entry entry;

	private final EntryWorkbook workbook;

	private final ValueCorrections corrections;

	EntryPages(Entry entry, EntryWorkbook workbook, ValueCorrections corrections) {
		this.entry = entry;
		this.workbook = workbook;
		this.corrections = corrections;
	}

	@PostMapping("/catalogue/entry/{id}/corrections")
	String requestCorrection(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(defaultValue = "") String indicator, @RequestParam(defaultValue = "") String value,
			@RequestParam(defaultValue = "") String reason, Model model) {
		try {
			this.corrections.request(signed.viewer(), id, indicator, value, reason);
			return "redirect:/catalogue/corrections?requested";
		}
		catch (Problem problem) {
			refused(problem);
			model.addAttribute("error", problem);
			return sheet(signed, id, model);
		}
	}

	@GetMapping("/catalogue/corrections")
	String corrections(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		List<ValueCorrections.Correction> all = this.corrections.visible(signed.viewer());
		model.addAttribute("corrections", all);
		model.addAttribute("decides",
				all.stream().filter(c -> this.corrections.owner(signed.viewer(), c)).map(c -> c.id()).toList());
		return "catalogue/corrections";
	}

	@PostMapping("/catalogue/corrections/{id}/decision")
	String decide(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean approve, @RequestParam(defaultValue = "") String note) {
		this.corrections.decide(signed.viewer(), id, approve, note);
		return "redirect:/catalogue/corrections?decided";
	}

	@GetMapping("/catalogue/entry")
	String list(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		model.addAttribute("assignments", this.entry.assignments(signed.viewer()));
		return "catalogue/entry";
	}

	@GetMapping("/catalogue/entry/{id}")
	String sheet(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id, Model model) {
		return sheet(this.entry.sheet(signed.viewer(), id), null, model);
	}

	@PostMapping("/catalogue/entry/{id}")
	String save(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(defaultValue = "0") int version, @RequestParam(defaultValue = "save") String action,
			@RequestParam Map<String, String> params, Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith(PREFIX)) {
				values.put(k.substring(PREFIX.length()), v);
			}
		});
		try {
			this.entry.save(signed.viewer(), id, version, values, action.equals("submit"));
			return "redirect:/catalogue/entry/" + id + "?saved";
		}
		catch (Problem problem) {
			refused(problem);
			model.addAttribute("error", problem);
			return sheet(this.entry.sheet(signed.viewer(), id), values, model);
		}
	}

	@GetMapping("/catalogue/entry/{id}.xlsx")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id) {
		return Downloads.file("jianfu-sheet-" + id, "xlsx", this.workbook.download(signed.viewer(), id));
	}

	@PostMapping("/catalogue/entry/{id}/import")
	String importSheet(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable long id,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "false") boolean submit, Model model) throws IOException {
		ImportReport report;
		try {
			report = EntryApi.importFile(this.workbook, signed, id, file, submit);
		}
		catch (Problem problem) {
			refused(problem);
			model.addAttribute("error", problem);
			return sheet(signed, id, model);
		}
		if (!report.ok()) {
			status(HttpStatus.BAD_REQUEST);
		}
		model.addAttribute("report", report);
		return sheet(signed, id, model);
	}

	/**
	 * The sheet page showing {@code typed} (what a refused save entered) or, when null,
	 * the sheet's own values.
	 */
	private static String sheet(Entry.Sheet sheet, @Nullable Map<String, String> typed, Model model) {
		Map<String, String> shown = new LinkedHashMap<>();
		sheet.cells()
			.forEach(c -> shown.put(c.code(),
					typed != null ? typed.getOrDefault(c.code(), "") : c.value() == null ? "" : c.value()));
		model.addAttribute("sheet", sheet);
		model.addAttribute("shown", shown);
		return "catalogue/sheet";
	}

	/** A refusal the page shows (400, 409) answers with its status; others go on up. */
	private static void refused(Problem problem) {
		if (problem.status() != HttpStatus.BAD_REQUEST && problem.status() != HttpStatus.CONFLICT) {
			throw problem;
		}
		status(problem.status());
	}

	private static void status(HttpStatus status) {
		((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse()
			.setStatus(status.value());
	}

}
