package cn.jianfu.ledger.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.ledger.UngatedSuspicions;
import cn.jianfu.ledger.internal.Dashboards;
import cn.jianfu.ledger.internal.Table;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The ledger's pages: the burden dashboards for a year, the drill-down list of demands,
 * the printable yearly report, and every table of them exported as CSV or Excel (each
 * export audited). Each chart is drawn from the table beside it.
 */
@Controller
class LedgerPages {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Dashboards dashboards;

	private final MessageSource messages;

	private final AuditLog audit;

	private final ObjectProvider<UngatedSuspicions> suspicions;

	LedgerPages(Dashboards dashboards, MessageSource messages, AuditLog audit,
			ObjectProvider<UngatedSuspicions> suspicions) {
		this.dashboards = dashboards;
		this.messages = messages;
		this.audit = audit;
		this.suspicions = suspicions;
	}

	@GetMapping("/ledger")
	String dashboards(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer year, Model model) {
		Dashboards.Filter filter = Dashboards.Filter.of(signed.viewer());
		int y = year(year);
		model.addAttribute("year", y);
		model.addAttribute("tables",
				Dashboards.DASHBOARD.stream().map(k -> this.dashboards.table(k, filter, y)).toList());
		model.addAttribute("counts", this.dashboards.counts(filter, y));
		model.addAttribute("hours", this.dashboards.hours(filter, y, null));
		model.addAttribute("ownOnly", filter.issuerUnitCode() != null);
		UngatedSuspicions found = this.suspicions.getIfAvailable();
		model.addAttribute("suspected", found == null ? List.of() : found.byIssuer(filter.pathPattern(), y));
		return "ledger/dashboards";
	}

	@GetMapping("/ledger/demands")
	String demands(@AuthenticationPrincipal Viewer.Signed signed,
			@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String issuer, Model model) {
		Dashboards.Filter filter = Dashboards.Filter.of(signed.viewer());
		int y = year(year);
		model.addAttribute("year", y);
		model.addAttribute("table", this.dashboards.demands(filter, y, code(unit), code(issuer)));
		return "ledger/demands";
	}

	@GetMapping("/ledger/report")
	String report(@AuthenticationPrincipal Viewer.Signed signed, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		Dashboards.Filter filter = Dashboards.Filter.of(signed.viewer());
		int y = year(year);
		model.addAttribute("year", y);
		model.addAttribute("tables", Dashboards.REPORT.stream().map(k -> this.dashboards.table(k, filter, y)).toList());
		model.addAttribute("counts", this.dashboards.counts(filter, y));
		return "ledger/report";
	}

	@GetMapping("/ledger/export/{table}.{format}")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal Viewer.Signed signed, @PathVariable String table,
			@PathVariable String format, @RequestParam(required = false) @Nullable Integer year, Locale locale) {
		Viewer viewer = signed.viewer();
		Dashboards.Filter filter = Dashboards.Filter.of(viewer);
		int y = year(year);
		if (!Dashboards.DASHBOARD.contains(table) && !Dashboards.REPORT.contains(table)) {
			throw Problem.notFound("ledger-table", table);
		}
		Table data = this.dashboards.table(table, filter, y);
		byte[] body;
		MediaType type;
		switch (format) {
			case "csv" -> {
				body = TableExport.csv(data, this.messages, locale);
				type = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
			}
			case "xlsx" -> {
				body = TableExport.xlsx(data, this.messages, locale);
				type = XLSX;
			}
			default -> throw Problem.notFound("ledger-format", format);
		}
		this.audit.record(new AuditEvent(viewer.username(), AuditTypes.EXPORT, AuditResult.SUCCESS, "ledger:" + table,
				"year=" + y + " format=" + format + " rows=" + data.rows().size()));
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("jianfu-" + table + "-" + y + "." + format)
						.build()
						.toString())
			.body(body);
	}

	static int year(@Nullable Integer year) {
		if (year == null) {
			return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		}
		if (year < 2000 || year > 2100) {
			throw Problem.badRequest("ledger.year", year);
		}
		return year;
	}

	private static @Nullable String code(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		if (!code.matches("\\d{12}")) {
			throw Problem.notFound("unit", code);
		}
		return code;
	}

}
