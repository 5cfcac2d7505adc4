package cn.jianfu.gate.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.jianfu.gate.internal.DemandDesk;
import cn.jianfu.gate.internal.DemandId;
import cn.jianfu.gate.internal.DemandStatus;
import cn.jianfu.gate.internal.Demands;
import cn.jianfu.gate.internal.Gatekeeper;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Bilingual;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * The gatekeeper's review queue (准入审核) and the catalogue of checks (检查目录).
 */
@Controller
class GatePages {

	private final DemandDesk desk;

	private final Gatekeeper gatekeeper;

	private final Bilingual messages;

	GatePages(DemandDesk desk, Gatekeeper gatekeeper, Bilingual messages) {
		this.desk = desk;
		this.gatekeeper = gatekeeper;
		this.messages = messages;
	}

	/**
	 * Demands in the gatekeeper's jurisdiction awaiting a decision, and those still
	 * waiting for the issuer's answers.
	 */
	@GetMapping("/gate/review")
	String review(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		Viewer viewer = signed.viewer();
		if (!viewer.has(Role.GATEKEEPER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "demand.not-gatekeeper");
		}
		Page.Request first = new Page.Request(0, Page.MAX_SIZE);
		Page<Demands.Summary> justified = this.desk.list(viewer, DemandStatus.JUSTIFIED, first);
		Page<Demands.Summary> waiting = this.desk.list(viewer, DemandStatus.NEEDS_JUSTIFICATION, first);
		model.addAttribute("queue",
				justified.items().stream().map(s -> this.desk.view(viewer, new DemandId(s.id()))).toList());
		model.addAttribute("waiting", waiting);
		return "gate/review";
	}

	@GetMapping("/gate/checks")
	String checks(Model model) {
		List<DemandJson.CheckView> checks = GateChecksApi.catalogue(this.gatekeeper, this.messages);
		model.addAttribute("checks", checks);
		return "gate/checks";
	}

}
