package cn.jianfu.catalogue.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Page;
import cn.jianfu.platform.Problem;

/**
 * The catalogue as its users see it: anyone signed in searches and exports it; the
 * stewards (gatekeepers and administrators) import it, all or nothing, audited.
 */
@Component
public class Catalogue {

	private final Indicators indicators;

	private final IndicatorFiles files;

	private final AuditLog audit;

	Catalogue(Indicators indicators, IndicatorFiles files, AuditLog audit) {
		this.indicators = indicators;
		this.files = files;
		this.audit = audit;
	}

	public static boolean steward(Viewer viewer) {
		return viewer.has(Role.GATEKEEPER) || viewer.has(Role.ADMIN);
	}

	public Page<Indicator> search(String query, Page.Request request) {
		return this.indicators.search(query, request);
	}

	public Indicator indicator(String code) {
		return this.indicators.find(code).orElseThrow(() -> Problem.notFound("catalogue.indicator", code));
	}

	public List<Indicator> all() {
		return this.indicators.all();
	}

	/**
	 * Imports a file of indicators: when any row is wrong nothing is written and the
	 * report lists every error.
	 */
	@Transactional
	public ImportReport importFile(Viewer viewer, String file, byte[] bytes) {
		if (!steward(viewer)) {
			throw new Problem(HttpStatus.FORBIDDEN, "catalogue.steward-only");
		}
		IndicatorFiles.Parsed parsed = this.files.read(file, bytes);
		if (!parsed.errors().isEmpty()) {
			this.audit.record(new AuditEvent(viewer.username(), "catalogue.imported", AuditResult.FAILURE,
					"catalogue:" + file, parsed.errors().size() + " errors, first: " + parsed.errors().get(0)));
			return new ImportReport(file, 0, 0, 0, parsed.errors());
		}
		Indicators.Written written = this.indicators.write(parsed.indicators());
		this.audit.record(new AuditEvent(viewer.username(), "catalogue.imported", AuditResult.SUCCESS,
				"catalogue:" + file, "created=" + written.created() + " updated=" + written.updated() + " unchanged="
						+ written.unchanged()));
		return new ImportReport(file, written.created(), written.updated(), written.unchanged(), List.of());
	}

	public byte[] export(Viewer viewer, String format) {
		List<Indicator> all = this.indicators.all();
		this.audit.record(new AuditEvent(viewer.username(), "export", AuditResult.SUCCESS, "catalogue:indicators",
				all.size() + " indicators as " + format));
		return switch (format) {
			case "csv" -> this.files.csv(all);
			case "xlsx" -> this.files.xlsx(all);
			default -> throw Problem.notFound("catalogue.format", format);
		};
	}

}
