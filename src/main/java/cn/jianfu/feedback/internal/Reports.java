package cn.jianfu.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.jianfu.org.Scope;

/**
 * The stored reports, their notes and attachments. Supervisors' reads are restricted to
 * the jurisdiction in SQL ({@code jurisdiction_path like :scope}).
 */
@Repository
class Reports {

	private final JdbcClient jdbc;

	Reports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Category category, String body, @Nullable String placeCode, String jurisdictionPath,
			LocalDate receivedOn, String receiptHash) {
		this.jdbc.sql("insert into feedback_report (number, category, body, place_code, jurisdiction_path,"
				+ " received_on, receipt_hash, status) values (:number, :category, :body, :place, :path, :on, :hash,"
				+ " 'NEW')")
			.param("number", receiptHash.substring(0, 20))
			.param("category", category.name())
			.param("body", body)
			.param("place", placeCode)
			.param("path", jurisdictionPath)
			.param("on", receivedOn)
			.param("hash", receiptHash)
			.update();
		long id = this.jdbc.sql("select id from feedback_report where receipt_hash = :hash")
			.param("hash", receiptHash)
			.query(Long.class)
			.single();
		this.jdbc.sql("update feedback_report set number = :number where id = :id")
			.param("number", "JB-%d-%06d".formatted(receivedOn.getYear(), id))
			.param("id", id)
			.update();
		return id;
	}

	Optional<Report> byReceipt(String receiptHash) {
		return this.jdbc.sql("select * from feedback_report where receipt_hash = :hash")
			.param("hash", receiptHash)
			.query(this::map)
			.optional();
	}

	Optional<Report> byNumber(Scope scope, String number) {
		return this.jdbc.sql("select * from feedback_report where number = :number and jurisdiction_path like :scope")
			.param("number", number)
			.param("scope", scope.pathPattern())
			.query(this::map)
			.optional();
	}

	Optional<Report> byId(long id) {
		return this.jdbc.sql("select * from feedback_report where id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	List<Report> list(Scope scope, Report.@Nullable Status status, int limit) {
		return this.jdbc
			.sql("select * from feedback_report where jurisdiction_path like :scope"
					+ (status == null ? "" : " and status = :status") + " order by id desc limit " + limit)
			.param("scope", scope.pathPattern())
			.params(status == null ? java.util.Map.of() : java.util.Map.of("status", status.name()))
			.query(this::map)
			.list();
	}

	void note(long reportId, String kind, String body, @Nullable String account, LocalDate on) {
		this.jdbc
			.sql("insert into feedback_note (report_id, kind, body, account, written_on)"
					+ " values (:report, :kind, :body, :account, :on)")
			.param("report", reportId)
			.param("kind", kind)
			.param("body", body)
			.param("account", account)
			.param("on", on)
			.update();
	}

	void attach(long reportId, String storedId, String contentType, long size, String sha256) {
		this.jdbc
			.sql("insert into feedback_attachment (report_id, stored_id, content_type, size_bytes, sha256)"
					+ " values (:report, :stored, :type, :size, :sha)")
			.param("report", reportId)
			.param("stored", storedId)
			.param("type", contentType)
			.param("size", size)
			.param("sha", sha256)
			.update();
	}

	Optional<Long> reportOfAttachment(String storedId) {
		return this.jdbc.sql("select report_id from feedback_attachment where stored_id = :stored")
			.param("stored", storedId)
			.query(Long.class)
			.optional();
	}

	void status(long id, Report.Status status) {
		this.jdbc.sql("update feedback_report set status = :status, version = version + 1 where id = :id")
			.param("status", status.name())
			.param("id", id)
			.update();
	}

	void close(long id, Outcome outcome, String text, LocalDate on) {
		this.jdbc
			.sql("update feedback_report set status = 'CLOSED', outcome = :outcome, outcome_text = :text,"
					+ " closed_on = :on, reporter_verdict = null, version = version + 1 where id = :id")
			.param("outcome", outcome.name())
			.param("text", text)
			.param("on", on)
			.param("id", id)
			.update();
	}

	void verdict(long id, Report.Verdict verdict) {
		this.jdbc.sql("update feedback_report set reporter_verdict = :verdict, version = version + 1 where id = :id")
			.param("verdict", verdict.name())
			.param("id", id)
			.update();
	}

	void link(long id, @Nullable Long demandId, @Nullable String gateNumber, @Nullable String issuerCode,
			@Nullable String issuerName, @Nullable Long ungatedId) {
		this.jdbc.sql("update feedback_report set linked_demand_id = coalesce(:demand, linked_demand_id),"
				+ " linked_gate_number = coalesce(:gate, linked_gate_number),"
				+ " linked_issuer_code = coalesce(:issuer, linked_issuer_code),"
				+ " linked_issuer_name = coalesce(:issuerName, linked_issuer_name),"
				+ " linked_ungated_id = coalesce(:ungated, linked_ungated_id), version = version + 1 where id = :id")
			.param("demand", demandId)
			.param("gate", gateNumber)
			.param("issuer", issuerCode)
			.param("issuerName", issuerName)
			.param("ungated", ungatedId)
			.param("id", id)
			.update();
	}

	/** Counts of reports received in the year, by category, issuer and month. */
	List<Count> counts(int year) {
		return this.jdbc
			.sql("select category, coalesce(linked_issuer_name, '') as issuer, received_on from feedback_report"
					+ " where received_on >= :from and received_on < :to")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, row) -> new Count(rs.getString("category"), rs.getString("issuer"),
					rs.getObject("received_on", LocalDate.class).getMonthValue()))
			.list();
	}

	boolean ungatedInScope(Scope scope, long ungatedId) {
		return this.jdbc.sql("select count(*) from feedback_ungated where report_id = :id and unit_path like :scope")
			.param("id", ungatedId)
			.param("scope", scope.pathPattern())
			.query(Long.class)
			.single() > 0;
	}

	long count() {
		return this.jdbc.sql("select count(*) from feedback_report").query(Long.class).single();
	}

	record Count(String category, String issuer, int month) {
	}

	private Report map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		String outcome = rs.getString("outcome");
		String verdict = rs.getString("reporter_verdict");
		List<Report.Note> notes = this.jdbc
			.sql("select id, kind, body, account, written_on from feedback_note where report_id = :id order by id")
			.param("id", id)
			.query((n, i) -> new Report.Note(n.getLong("id"), n.getString("kind"), n.getString("body"),
					n.getString("account"), n.getObject("written_on", LocalDate.class)))
			.list();
		List<Report.Attachment> attachments = this.jdbc
			.sql("select id, stored_id, content_type, size_bytes from feedback_attachment where report_id = :id"
					+ " order by id")
			.param("id", id)
			.query((a, i) -> new Report.Attachment(a.getLong("id"), a.getString("stored_id"),
					a.getString("content_type"), a.getLong("size_bytes")))
			.list();
		return new Report(id, rs.getString("number"), Category.valueOf(rs.getString("category")), rs.getString("body"),
				rs.getString("place_code"), null, rs.getString("jurisdiction_path"),
				rs.getObject("received_on", LocalDate.class), Report.Status.valueOf(rs.getString("status")),
				outcome == null ? null : Outcome.valueOf(outcome), rs.getString("outcome_text"),
				rs.getObject("closed_on", LocalDate.class), verdict == null ? null : Report.Verdict.valueOf(verdict),
				rs.getObject("linked_demand_id", Long.class), rs.getString("linked_gate_number"),
				rs.getString("linked_issuer_code"), rs.getString("linked_issuer_name"),
				rs.getObject("linked_ungated_id", Long.class), rs.getInt("version"), notes, attachments);
	}

}
