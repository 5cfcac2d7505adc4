package cn.jianfu.duties.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jianfu.duties.internal.DutyList;
import cn.jianfu.duties.internal.DutyLists;
import cn.jianfu.duties.internal.DutyWorkbook;
import cn.jianfu.duties.internal.ImportErrors;
import cn.jianfu.duties.internal.ListFlags;
import cn.jianfu.duties.internal.ListImport;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * The lists' pages: the overview (the viewer's list, its villages' lists, the demands
 * outside its list with the one-click refusal, and for overseers the refusals citing a
 * list), one unit's list with its Excel export and import.
 */
@Controller
class DutiesPages {

	private final DutyLists lists;

	private final ListImport listImport;

	private final DutyWorkbook workbook;

	private final ListFlags flags;

	private final OrgChart orgChart;

	private final MessageSource messages;

	DutiesPages(DutyLists lists, ListImport listImport, DutyWorkbook workbook, ListFlags flags, OrgChart orgChart,
			MessageSource messages) {
		this.lists = lists;
		this.listImport = listImport;
		this.workbook = workbook;
		this.flags = flags;
		this.orgChart = orgChart;
		this.messages = messages;
	}

	@GetMapping("/duties")
	String overview(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		Viewer viewer = signed.viewer();
		model.addAttribute("own", this.lists.find(viewer.unitCode()).orElse(null));
		List<Unit> children = this.orgChart.children(viewer.scope(), viewer.unitCode(), new Page.Request(0, 200))
			.items();
		model.addAttribute("children", children);
		model.addAttribute("childLists", this.lists.forUnits(children.stream().map(Unit::code).toList()));
		model.addAttribute("flags", this.flags.forUnit(viewer));
		boolean overseer = viewer.has(Role.GATEKEEPER) || viewer.has(Role.SUPERVISOR) || viewer.has(Role.ADMIN);
		model.addAttribute("refused", overseer ? this.flags.refusedIn(viewer) : List.of());
		return "duties/index";
	}

	@GetMapping("/duties/units/{code}")
	String list(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code, Model model) {
		Viewer viewer = signed.viewer();
		Unit unit = this.orgChart.require(viewer.scope(), code);
		model.addAttribute("unit", unit);
		model.addAttribute("list", this.lists.find(code).orElse(null));
		model.addAttribute("kind", DutyLists.kindFor(unit.level()).orElse(null));
		model.addAttribute("writable",
				this.lists.mayWrite(viewer, unit) && DutyLists.kindFor(unit.level()).isPresent());
		model.addAttribute("changes", this.lists.changes(code));
		return "duties/list";
	}

	@GetMapping("/duties/units/{code}/export.xlsx")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code) {
		DutyList list = this.lists.read(signed.viewer(), code).orElseThrow(() -> Problem.notFound("duty-list", code));
		return DutiesApi.xlsx(this.workbook.write(list), code);
	}

	@PostMapping("/duties/units/{code}/import")
	String importList(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code,
			@RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String approvedBy,
			@RequestParam(required = false) @Nullable String approvalRef, Model model, RedirectAttributes redirect,
			Locale locale) throws IOException {
		Viewer viewer = signed.viewer();
		this.lists.requireWritable(viewer, code);
		try {
			if (file == null || file.isEmpty()) {
				throw Problem.badRequest("duties.import.file", ListImport.MAX_BYTES);
			}
			DutyLists.Approval approval = new DutyLists.Approval(approvedBy == null ? "" : approvedBy,
					approvalRef == null ? "" : approvalRef);
			ListImport.Summary summary = this.listImport.importList(viewer, code, file.getInputStream(), file.getSize(),
					approval, false);
			redirect.addFlashAttribute("imported", summary);
			return "redirect:/duties/units/" + code;
		}
		catch (ImportErrors ex) {
			model.addAttribute("importErrors", ex.errors());
		}
		catch (Problem ex) {
			model.addAttribute("error", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
		}
		model.addAttribute("approvedBy", approvedBy);
		model.addAttribute("approvalRef", approvalRef);
		return list(signed, code, model);
	}

	/** The one-click refusal of a demand outside the viewer's list. */
	@PostMapping("/duties/demands/{id}/refuse")
	String refuse(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable("id") long demandId,
			RedirectAttributes redirect) {
		this.flags.refuse(signed.viewer(), demandId);
		redirect.addFlashAttribute("refusedDemand", demandId);
		return "redirect:/duties";
	}

}
