package cn.jianfu.gate.internal;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.FileStore;
import cn.jianfu.platform.Problem;

/**
 * The files attached to a demand: only the issuing unit's issuer adds them, while the
 * demand is a draft or returned, at most {@value #MAX_FILES} of at most
 * {@value #MAX_BYTES} bytes each; whoever may read the demand may download them. Every
 * upload and download is audited.
 */
@Component
public class DemandAttachments {

	/** Largest attachment, in bytes (10 MB). */
	public static final long MAX_BYTES = 10L * 1024 * 1024;

	/** Most attachments a demand may carry. */
	public static final int MAX_FILES = 10;

	static final String AREA = "attachments";

	private final DemandDesk desk;

	private final FileStore files;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	DemandAttachments(DemandDesk desk, FileStore files, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.desk = desk;
		this.files = files;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Stores the upload under a generated id and records it with its sanitised name; a
	 * failure leaves neither a row nor a file.
	 */
	@Transactional
	public Attachment add(Viewer viewer, DemandId id, @Nullable String fileName, InputStream content) {
		Demand demand = this.desk.own(viewer, id, null);
		if (demand.status() != DemandStatus.DRAFT && demand.status() != DemandStatus.RETURNED) {
			throw Problem.conflict("demand.state", demand.status());
		}
		long count = this.jdbc.sql("select count(*) from demand_attachment where demand_id = :d")
			.param("d", id.value())
			.query(Long.class)
			.single();
		if (count >= MAX_FILES) {
			throw Problem.badRequest("demand.attachments.too-many", MAX_FILES);
		}
		String name = FileStore.displayName(fileName);
		FileStore.Stored stored = this.files.save(AREA, content, MAX_BYTES);
		try {
			Instant now = this.clock.instant();
			this.jdbc
				.sql("insert into demand_attachment (demand_id, stored_id, file_name, content_type, size_bytes, sha256,"
						+ " uploaded_by, uploaded_at) values (:d, :s, :n, :t, :b, :h, :by, :at)")
				.param("d", id.value())
				.param("s", stored.id())
				.param("n", name)
				.param("t", stored.contentType())
				.param("b", stored.size())
				.param("h", stored.sha256())
				.param("by", viewer.username())
				.param("at", Timestamp.from(now))
				.update();
			Attachment added = find(id, stored.id());
			this.audit.record(new AuditEvent(viewer.username(), "demand.attachment-added", AuditResult.SUCCESS,
					"demand:" + id, added.id() + "; " + name + "; " + stored.contentType() + "; " + stored.size() + "; "
							+ stored.sha256()));
			return added;
		}
		catch (RuntimeException ex) {
			this.files.delete(AREA, stored.id());
			throw ex;
		}
	}

	/**
	 * The demand's attachments, oldest first; the caller has checked the viewer may read
	 * it.
	 */
	@Transactional(readOnly = true)
	public List<Attachment> list(DemandId id) {
		return this.jdbc
			.sql("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at,"
					+ " stored_id from demand_attachment where demand_id = :d order by id")
			.param("d", id.value())
			.query(DemandAttachments::attachment)
			.list();
	}

	/**
	 * The attachment's file for a viewer who may read the demand (else not found), with
	 * the download audited as an export.
	 */
	@Transactional
	public Download open(Viewer viewer, DemandId id, long attachmentId) {
		this.desk.view(viewer, id);
		Attachment attachment = this.jdbc
			.sql("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, stored_id"
					+ " from demand_attachment where demand_id = :d and id = :a")
			.param("d", id.value())
			.param("a", attachmentId)
			.query(DemandAttachments::attachment)
			.optional()
			.orElseThrow(() -> Problem.notFound("demand.attachment", attachmentId));
		this.audit.record(new AuditEvent(viewer.username(), "export", AuditResult.SUCCESS,
				"demand:" + id + "/attachment:" + attachmentId, attachment.fileName() + "; " + attachment.sha256()));
		return new Download(attachment, this.files.path(AREA, attachment.storedId()));
	}

	private Attachment find(DemandId id, String storedId) {
		return this.jdbc
			.sql("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at, stored_id"
					+ " from demand_attachment where demand_id = :d and stored_id = :s")
			.param("d", id.value())
			.param("s", storedId)
			.query(DemandAttachments::attachment)
			.single();
	}

	private static Attachment attachment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
				rs.getTimestamp("uploaded_at").toInstant(), rs.getString("stored_id"));
	}

	/** One attachment as recorded; {@code storedId} names the file and is never shown. */
	public record Attachment(long id, String fileName, String contentType, long sizeBytes, String sha256,
			String uploadedBy, Instant uploadedAt, String storedId) {
	}

	/** An attachment and where its bytes are. */
	public record Download(Attachment attachment, Path file) {
	}

}
