package cn.jianfu.ledger.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jianfu.ledger.internal.Dashboards;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The ledger over the API: a unit's estimated and actual hours by month and kind for a
 * year; a unit outside the caller's scope is not found.
 */
@RestController
class LedgerApi {

	private final Dashboards dashboards;

	LedgerApi(Dashboards dashboards) {
		this.dashboards = dashboards;
	}

	@GetMapping("/api/v1/ledger/units/{code}")
	UnitLedger unit(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String code,
			@RequestParam(required = false) @Nullable Integer year) {
		int y = LedgerPages.year(year);
		Dashboards.Filter filter = Dashboards.Filter.of(signed.viewer());
		List<Dashboards.UnitMonth> months = this.dashboards.unit(filter, code, y)
			.orElseThrow(() -> Problem.notFound("unit", code));
		return new UnitLedger(code, y, months, this.dashboards.hours(filter, y, code));
	}

	/**
	 * A unit's ledger for one year, with the hours demanded beside the hours saved at
	 * data entry.
	 */
	record UnitLedger(String unitCode, int year, List<Dashboards.UnitMonth> months, Dashboards.Hours hours) {
	}

}
