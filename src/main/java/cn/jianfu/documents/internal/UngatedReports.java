package cn.jianfu.documents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.jianfu.documents.UngatedDemandSuspected;
import cn.jianfu.ledger.UngatedAttachments;
import cn.jianfu.ledger.UngatedDemandReported;
import cn.jianfu.ledger.UngatedSuspicions;
import cn.jianfu.platform.Problem;
import cn.jianfu.org.Scope;

/**
 * Matches each report of an ungated demand against the issued documents: a report whose
 * text (with its attachment's, read by intake) is mostly found in an issued document (or
 * that cites an issued document's number) matched a gated demand; a report that matches
 * nothing issued is flagged as a likely ungated demand of the named issuer and published
 * as {@link UngatedDemandSuspected}. A redelivered report changes nothing. The flagged
 * reports are counted per named issuer on the ledger's dashboards
 * ({@link UngatedSuspicions}).
 */
@Component
class UngatedReports implements UngatedSuspicions {

	private static final Logger log = LoggerFactory.getLogger(UngatedReports.class);

	/** Where the flagged reports are listed. */
	static final String LINK = "/documents/ungated";

	/** Report ids shown per issuer on the dashboards. */
	static final int LATEST = 5;

	/**
	 * Share of the report's shingles that must be found in an issued document to match
	 * it.
	 */
	static final double MATCH = 0.5;

	private final Corpus corpus;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final UngatedAttachments attachments;

	private final DocumentReader reader;

	UngatedReports(Corpus corpus, JdbcClient jdbc, ApplicationEventPublisher events, UngatedAttachments attachments,
			DocumentReader reader) {
		this.corpus = corpus;
		this.jdbc = jdbc;
		this.events = events;
		this.attachments = attachments;
		this.reader = reader;
	}

	/**
	 * The report's text and, when it attached a file, the file's text read by intake (a
	 * photo, a scan or a broken file adds nothing).
	 */
	String textOf(UngatedDemandReported report) {
		String text = report.text() == null ? "" : report.text();
		if (report.attachmentId() == null) {
			return text;
		}
		byte[] bytes = this.attachments.read(report.attachmentId()).orElse(null);
		if (bytes == null || bytes.length == 0) {
			return text;
		}
		try {
			return text + "\n" + this.reader.read(null, bytes).text();
		}
		catch (Problem ex) {
			log.info("Attachment of ungated report {} not read: {}", report.reportId(), ex.code());
			return text;
		}
	}

	record Flagged(long reportId, String unitCode, @Nullable String issuer, String channel,
			@Nullable LocalDate receivedOn, @Nullable String text, @Nullable Long matchedDocument,
			@Nullable String matchedGate, double containment, boolean suspected) {
	}

	@ApplicationModuleListener
	void on(UngatedDemandReported report) {
		boolean seen = this.jdbc.sql("select count(*) from document_ungated where report_id = :id")
			.param("id", report.reportId())
			.query(Long.class)
			.single() > 0;
		if (seen) {
			return;
		}
		String path = this.jdbc.sql("select path from unit where code = :c")
			.param("c", report.unitCode())
			.query(String.class)
			.optional()
			.orElse("/" + report.unitCode() + "/");
		String text = textOf(report);
		Corpus.Related best = null;
		if (!text.isBlank()) {
			List<Corpus.Related> related = this.corpus.related(null, DocumentReader.parseText(text), null);
			best = related.stream()
				.filter(r -> r.gateNumber() != null)
				.filter(r -> r.ofQuery() >= MATCH || r.jaccard() >= MATCH || r.relation().equals("cites"))
				.findFirst()
				.orElse(null);
			if (best == null) {
				double closest = related.stream()
					.filter(r -> r.gateNumber() != null)
					.mapToDouble(Corpus.Related::ofQuery)
					.max()
					.orElse(0);
				save(report, path, null, null, closest, true);
				this.events.publishEvent(new UngatedDemandSuspected(report.reportId(), report.unitCode(),
						report.issuer(), report.channel(), report.receivedOn(), excerpt(text), closest, Instant.now()));
				return;
			}
		}
		if (best == null) {
			save(report, path, null, null, 0, true);
			this.events.publishEvent(new UngatedDemandSuspected(report.reportId(), report.unitCode(), report.issuer(),
					report.channel(), report.receivedOn(), "", 0, Instant.now()));
			return;
		}
		save(report, path, best.id(), best.gateNumber(), best.ofQuery(), false);
	}

	private static String excerpt(String text) {
		return text.length() <= 200 ? text : text.substring(0, 200);
	}

	private void save(UngatedDemandReported report, String path, @Nullable Long document, @Nullable String gate,
			double containment, boolean suspected) {
		this.jdbc.sql("insert into document_ungated (report_id, unit_code, unit_path, issuer, channel, received_on,"
				+ " report_text, matched_document, matched_gate, containment, suspected, checked_at) values (:id, :unit,"
				+ " :path, :issuer, :channel, :received, :text, :document, :gate, :containment, :suspected, :at)")
			.param("id", report.reportId())
			.param("unit", report.unitCode())
			.param("path", path)
			.param("issuer", report.issuer())
			.param("channel", report.channel())
			.param("received", report.receivedOn())
			.param("text", report.text() == null ? null : excerpt4000(report.text()))
			.param("document", document)
			.param("gate", gate)
			.param("containment", Corpus.round(containment))
			.param("suspected", suspected)
			.param("at", Timestamp.from(Instant.now()))
			.update();
	}

	private static String excerpt4000(String text) {
		return text.length() <= 4000 ? text : text.substring(0, 4000);
	}

	@Override
	public List<UngatedSuspicions.Issuer> byIssuer(String unitPathPattern, int year) {
		Map<String, List<Long>> reports = new LinkedHashMap<>();
		this.jdbc
			.sql("select issuer, report_id from document_ungated where suspected = true and unit_path like :p"
					+ " and received_on >= :from and received_on < :to order by report_id desc")
			.param("p", unitPathPattern)
			.param("from", java.sql.Date.valueOf(LocalDate.of(year, 1, 1)))
			.param("to", java.sql.Date.valueOf(LocalDate.of(year + 1, 1, 1)))
			.query((rs, n) -> Map.entry(rs.getString(1) == null ? "—" : rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(e -> reports.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return reports.entrySet()
			.stream()
			.map(e -> new UngatedSuspicions.Issuer(e.getKey(), e.getValue().size(),
					List.copyOf(e.getValue().subList(0, Math.min(LATEST, e.getValue().size()))), LINK))
			.sorted(Comparator.comparingLong(UngatedSuspicions.Issuer::count).reversed())
			.toList();
	}

	/** Reports from units in scope, flagged ones first, newest first. */
	List<Flagged> within(Scope scope, int limit) {
		return this.jdbc
			.sql("select * from document_ungated where unit_path like :p order by suspected desc,"
					+ " report_id desc limit :limit")
			.param("p", scope.pathPattern())
			.param("limit", limit)
			.query((rs, n) -> {
				java.sql.Date received = rs.getDate("received_on");
				long doc = rs.getLong("matched_document");
				Long matched = rs.wasNull() ? null : doc;
				return new Flagged(rs.getLong("report_id"), rs.getString("unit_code"), rs.getString("issuer"),
						rs.getString("channel"), received == null ? null : received.toLocalDate(),
						rs.getString("report_text"), matched, rs.getString("matched_gate"), rs.getDouble("containment"),
						rs.getBoolean("suspected"));
			})
			.list();
	}

}
