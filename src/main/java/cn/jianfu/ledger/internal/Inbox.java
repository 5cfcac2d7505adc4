package cn.jianfu.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.ledger.DemandRefused;
import cn.jianfu.ledger.UngatedDemandReported;
import cn.jianfu.ledger.WorkHoursLogged;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * What a grassroots account does with the demands addressed to its own unit: read them,
 * mark them done, log hours, refuse them, and report demands that bypassed the gate.
 * Every action works on the viewer's unit only, so another unit's entry is simply not
 * found.
 */
@Component
public class Inbox implements cn.jianfu.ledger.UngatedAttachments {

	/** Largest attachment of an ungated report, in bytes (5 MB). */
	public static final long MAX_ATTACHMENT = 5L * 1024 * 1024;

	static final BigDecimal MAX_HOURS = BigDecimal.valueOf(1000);

	/** The channels a demand can bypass the gate by. */
	public static final List<String> CHANNELS = List.of("WORK_GROUP", "PHONE", "PAPER_NOTE", "OTHER");

	private final LedgerEntries entries;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Path attachments;

	Inbox(LedgerEntries entries, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${jianfu.data-dir:./data}") String dataDir) {
		this.entries = entries;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.attachments = Path.of(dataDir).toAbsolutePath().normalize().resolve("ungated");
	}

	public List<LedgerEntries.Entry> entries(Viewer viewer) {
		return this.entries.addressedTo(unit(viewer));
	}

	@Transactional
	public void markDone(Viewer viewer, long demandId) {
		LedgerEntries.Entry entry = open(viewer, demandId);
		this.entries.update(entry, "DONE", entry.actualHours(), null, now());
	}

	/**
	 * Adds hours actually spent to the entry (more than 0, at most 1000 at a time) and
	 * returns the entry's new total.
	 */
	@Transactional
	public BigDecimal logHours(Viewer viewer, long demandId, @Nullable BigDecimal hours) {
		if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0 || hours.scale() > 2) {
			throw Problem.badRequest("inbox.hours", MAX_HOURS);
		}
		LedgerEntries.Entry entry = find(viewer, demandId);
		if (entry.status().equals("REFUSED")) {
			throw Problem.conflict("inbox.refused", entry.gateNumber());
		}
		if (entry.expired()) {
			throw Problem.conflict("inbox.expired", entry.gateNumber());
		}
		BigDecimal total = (entry.actualHours() == null ? BigDecimal.ZERO : entry.actualHours()).add(hours);
		if (total.compareTo(BigDecimal.valueOf(99_999_999)) > 0) {
			throw Problem.badRequest("inbox.hours", MAX_HOURS);
		}
		Timestamp now = now();
		this.entries.update(entry, entry.status(), total, null, now);
		this.events.publishEvent(new WorkHoursLogged(demandId, entry.recipientUnitCode(), hours, total,
				viewer.username(), now.toInstant()));
		return total;
	}

	@Transactional
	public void refuse(Viewer viewer, long demandId, @Nullable String reason) {
		String text = (reason == null) ? "" : reason.strip();
		if (text.isEmpty() || text.length() > 2000) {
			throw Problem.badRequest("inbox.reason", 2000);
		}
		LedgerEntries.Entry entry = open(viewer, demandId);
		Timestamp now = now();
		this.entries.update(entry, "REFUSED", entry.actualHours(), text, now);
		this.events.publishEvent(new DemandRefused(demandId, entry.gateNumber(), entry.issuerUnitCode(),
				entry.recipientUnitCode(), text, viewer.username(), now.toInstant()));
	}

	/**
	 * Stores a report of a demand that bypassed the gate, with its attachment (if any)
	 * saved under a generated name, and announces it.
	 */
	@Transactional
	public long reportUngated(Viewer viewer, UngatedReport report) {
		String unit = unit(viewer);
		if (report.channel() == null || !CHANNELS.contains(report.channel())) {
			throw Problem.badRequest("ungated.channel");
		}
		String issuer = strip(report.issuer());
		if (issuer.isEmpty() || issuer.length() > 200) {
			throw Problem.badRequest("ungated.issuer", 200);
		}
		LocalDate today = LocalDate.now(this.clock.withZone(LedgerEntries.CHINA));
		if (report.receivedOn() == null || report.receivedOn().isAfter(today)) {
			throw Problem.badRequest("ungated.date");
		}
		String text = strip(report.text());
		if (text.isEmpty() || text.length() > 4000) {
			throw Problem.badRequest("ungated.text", 4000);
		}
		String attachmentId = null;
		String type = null;
		Long size = null;
		Attachment attachment = report.attachment();
		if (attachment != null && attachment.size() > 0) {
			if (attachment.size() > MAX_ATTACHMENT) {
				throw Problem.badRequest("upload.too-large", MAX_ATTACHMENT);
			}
			attachmentId = UUID.randomUUID().toString();
			type = contentType(attachment.contentType());
			size = attachment.size();
			store(attachmentId, attachment);
		}
		Timestamp now = now();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into ungated_report (unit_code, channel, issuer, received_on, body, attachment_id,"
					+ " attachment_type, attachment_size, reported_by, reported_at)"
					+ " values (:u, :c, :i, :d, :b, :a, :t, :s, :by, :at)")
			.param("u", unit)
			.param("c", report.channel())
			.param("i", issuer)
			.param("d", Date.valueOf(report.receivedOn()))
			.param("b", text)
			.param("a", attachmentId)
			.param("t", type)
			.param("s", size)
			.param("by", viewer.username())
			.param("at", now)
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		this.events.publishEvent(new UngatedDemandReported(id, unit, report.channel(), issuer, report.receivedOn(),
				text, attachmentId, viewer.username(), now.toInstant()));
		return id;
	}

	private void store(String id, Attachment attachment) {
		try {
			Files.createDirectories(this.attachments);
			Path target = this.attachments.resolve(id);
			try (InputStream in = attachment.content().open()) {
				long copied = Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				if (copied > MAX_ATTACHMENT) {
					Files.deleteIfExists(target);
					throw Problem.badRequest("upload.too-large", MAX_ATTACHMENT);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot store attachment " + id, ex);
		}
	}

	Path attachmentPath(String id) {
		return this.attachments.resolve(id);
	}

	@Override
	public java.util.Optional<byte[]> read(String attachmentId) {
		Path file = this.attachments.resolve(attachmentId).normalize();
		if (!file.startsWith(this.attachments) || !Files.isRegularFile(file)) {
			return java.util.Optional.empty();
		}
		try (InputStream in = Files.newInputStream(file)) {
			return java.util.Optional.of(in.readNBytes((int) MAX_ATTACHMENT));
		}
		catch (IOException ex) {
			return java.util.Optional.empty();
		}
	}

	private static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "text/plain",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword");

	/** The declared type if it is one of the expected kinds, else a neutral one. */
	private static String contentType(@Nullable String declared) {
		String type = (declared == null) ? "" : declared.toLowerCase(Locale.ROOT).strip();
		return TYPES.contains(type) ? type : "application/octet-stream";
	}

	private LedgerEntries.Entry find(Viewer viewer, long demandId) {
		return this.entries.find(demandId, unit(viewer)).orElseThrow(() -> Problem.notFound("ledger-entry", demandId));
	}

	private LedgerEntries.Entry open(Viewer viewer, long demandId) {
		LedgerEntries.Entry entry = find(viewer, demandId);
		if (!entry.open()) {
			throw Problem.conflict("inbox.closed", entry.gateNumber());
		}
		return entry;
	}

	private static String unit(Viewer viewer) {
		if (!viewer.has(Role.GRASSROOTS)) {
			throw new Problem(HttpStatus.FORBIDDEN, "inbox.not-grassroots");
		}
		return viewer.unitCode();
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

	private static String strip(@Nullable String text) {
		return (text == null) ? "" : text.strip();
	}

	/** A report of a demand that bypassed the gate, as the form or the API gives it. */
	public record UngatedReport(@Nullable String channel, @Nullable String issuer, @Nullable LocalDate receivedOn,
			@Nullable String text, @Nullable Attachment attachment) {
	}

	/** An uploaded file: its declared type, its size, and how to read it. */
	public record Attachment(@Nullable String contentType, long size, Content content) {
	}

	/** Opens an upload's bytes. */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

	}

}
