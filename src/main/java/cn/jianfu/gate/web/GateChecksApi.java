package cn.jianfu.gate.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.jianfu.gate.internal.Gatekeeper;
import cn.jianfu.gate.web.DemandJson.CheckView;
import cn.jianfu.platform.Bilingual;

/**
 * The catalogue of gate checks: every check with its rule and an example.
 */
@RestController
@RequestMapping("/api/v1/gate")
@Tag(name = "gate", description = "准入检查目录 / The catalogue of gate checks")
class GateChecksApi {

	private final Gatekeeper gatekeeper;

	private final Bilingual messages;

	GateChecksApi(Gatekeeper gatekeeper, Bilingual messages) {
		this.gatekeeper = gatekeeper;
		this.messages = messages;
	}

	@GetMapping("/checks")
	@Operation(summary = "每项检查及其依据和示例 / Every check with its rule and an example")
	List<CheckView> checks() {
		return catalogue(this.gatekeeper, this.messages);
	}

	static List<CheckView> catalogue(Gatekeeper gatekeeper, Bilingual messages) {
		return gatekeeper.checks().stream().map(c -> {
			Bilingual.Text title = messages.text("check." + c.code() + ".title");
			Bilingual.Text description = messages.text("check." + c.code() + ".description");
			Bilingual.Text example = messages.text("check." + c.code() + ".example");
			return new CheckView(c.code(), title.zh(), title.en(), description.zh(), description.en(), example.zh(),
					example.en(), c.rule());
		}).toList();
	}

}
