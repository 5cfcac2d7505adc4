package cn.jianfu.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.jianfu.org.OrgChart;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.org.Viewer;

/**
 * The home page: the viewer's unit and scope, and how many units of each level the scope
 * holds, as a table and (with JavaScript) a chart of the same numbers.
 */
@Controller
class HomePage {

	private final OrgChart orgChart;

	HomePage(OrgChart orgChart) {
		this.orgChart = orgChart;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Viewer.Signed signed, Model model) {
		Viewer viewer = signed.viewer();
		Map<UnitLevel, Long> counts = this.orgChart.countByLevel(viewer.scope());
		List<LevelCount> levels = Arrays.stream(UnitLevel.values())
			.filter(l -> l.number() >= viewer.unitLevel().number())
			.map(l -> new LevelCount(l, counts.getOrDefault(l, 0L)))
			.toList();
		model.addAttribute("levels", levels);
		model.addAttribute("total", levels.stream().mapToLong(LevelCount::count).sum());
		return "home";
	}

	record LevelCount(UnitLevel level, long count) {
	}

}
