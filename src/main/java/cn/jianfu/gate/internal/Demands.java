package cn.jianfu.gate.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.RuleRef;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.Scope;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.platform.Problem;

/**
 * The demands table with its recipients and the findings of each submission. Writes are
 * optimistic: an update names the version it read, and a stale one is a conflict.
 */
@Repository
public class Demands implements GateContext.History {

	/** Years and dates of issue are counted in China Standard Time. */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	Demands(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Demand> find(DemandId id) {
		return this.jdbc.sql("select * from demand where id = :id").param("id", id.value()).query(this::map).optional();
	}

	/**
	 * Ids of the issued demands whose {@code expiresOn} is before {@code today}, lowest
	 * first.
	 */
	List<Long> dueToExpire(LocalDate today) {
		return this.jdbc
			.sql("select id from demand where status = 'ISSUED' and expires_on is not null and expires_on < :today"
					+ " order by id")
			.param("today", today)
			.query(Long.class)
			.list();
	}

	/** Inserts a new demand and gives it its id. */
	void insert(Demand demand) {
		KeyHolder keys = new GeneratedKeyHolder();
		bind(this.jdbc.sql("insert into demand (version, status, kind, title, body, field, legal_basis,"
				+ " issuer_unit_code, issuer_unit_path, issuer_department_id, issuer_account, recipient_level,"
				+ " recipient_under, due_date, response_days, expires_on, parent_id, special_task, note, relays_parent,"
				+ " requires_relay, assessment_answers, assessment_score, verdict, gate_number, decided_by,"
				+ " decision_reason, created_at, updated_at, submitted_at, issued_at) values (0, :status, :kind, :title,"
				+ " :body, :field, :legalBasis, :unit, :path, :department, :account, :level, :under, :due, :responseDays,"
				+ " :expires, :parent, :special, :note, :relays, :requires, :answers, :score, :verdict, :gateNumber,"
				+ " :decidedBy, :reason, :created, :updated, :submitted, :issued)"), demand)
			.param("unit", demand.issuer().unitCode())
			.param("path", demand.issuer().unitPath())
			.param("department", demand.issuer().departmentId())
			.param("account", demand.issuer().account())
			.param("created", Timestamp.from(demand.createdAt()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		demand.saved(new DemandId(id), 0);
		replaceRecipients(id, demand.recipientCodes());
		replaceDetails(id, demand.content().details());
	}

	/**
	 * Writes the demand if nobody changed it since it was read, else a conflict; bumps
	 * its version.
	 */
	void update(Demand demand) {
		int updated = bind(this.jdbc.sql("update demand set version = version + 1, status = :status, kind = :kind,"
				+ " title = :title, body = :body, field = :field, legal_basis = :legalBasis, recipient_level = :level,"
				+ " recipient_under = :under, due_date = :due, response_days = :responseDays, expires_on = :expires,"
				+ " parent_id = :parent, special_task = :special, note = :note, relays_parent = :relays,"
				+ " requires_relay = :requires, assessment_answers = :answers, assessment_score = :score,"
				+ " verdict = :verdict, gate_number = :gateNumber, decided_by = :decidedBy,"
				+ " decision_reason = :reason, updated_at = :updated, submitted_at = :submitted, issued_at = :issued"
				+ " where id = :id and version = :version"), demand)
			.param("id", demand.id().value())
			.param("version", demand.version())
			.update();
		if (updated == 0) {
			throw Problem.conflict("demand.stale", demand.id().value());
		}
		demand.saved(demand.id(), demand.version() + 1);
		replaceDetails(demand.id().value(), demand.content().details());
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Demand demand) {
		Demand.Content c = demand.content();
		return spec.param("status", demand.status().name())
			.param("kind", c.kind().name())
			.param("title", c.title())
			.param("body", c.body())
			.param("field", c.field())
			.param("legalBasis", c.legalBasis())
			.param("level", c.recipients().level() == null ? null : c.recipients().level().number())
			.param("under", c.recipients().under())
			.param("due", c.dueDate())
			.param("responseDays", c.responseDays())
			.param("expires", c.expiresOn())
			.param("parent", c.parentId())
			.param("special", c.specialTask())
			.param("note", c.note())
			.param("relays", c.relaysParent())
			.param("requires", c.requiresRelay())
			.param("answers", c.assessment() == null ? null : c.assessment().encoded())
			.param("score", c.assessment() == null ? null : c.assessment().score())
			.param("verdict", demand.verdict() == null ? null : demand.verdict().name())
			.param("gateNumber", demand.gateNumber())
			.param("decidedBy", demand.decidedBy())
			.param("reason", demand.decisionReason())
			.param("updated", Timestamp.from(demand.updatedAt()))
			.param("submitted", timestamp(demand.submittedAt()))
			.param("issued", timestamp(demand.issuedAt()));
	}

	void replaceRecipients(long demandId, List<String> codes) {
		this.jdbc.sql("delete from demand_recipient where demand_id = :id").param("id", demandId).update();
		for (String code : codes) {
			this.jdbc.sql("insert into demand_recipient (demand_id, unit_code) values (:id, :code)")
				.param("id", demandId)
				.param("code", code)
				.update();
		}
	}

	private void replaceDetails(long demandId, Map<String, String> details) {
		this.jdbc.sql("delete from demand_detail where demand_id = :id").param("id", demandId).update();
		details.forEach((name, value) -> this.jdbc
			.sql("insert into demand_detail (demand_id, name, detail_value) values (:id, :name, :value)")
			.param("id", demandId)
			.param("name", name)
			.param("value", value)
			.update());
	}

	private Map<String, String> details(long demandId) {
		Map<String, String> details = new TreeMap<>();
		this.jdbc.sql("select name, detail_value from demand_detail where demand_id = :id")
			.param("id", demandId)
			.query(rs -> {
				details.put(rs.getString("name"), rs.getString("detail_value"));
			});
		return details;
	}

	/** Stores a submission and its findings, which become the demand's current ones. */
	void recordSubmission(Demand demand, String by, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into demand_submission (demand_id, submitted_at, submitted_by, verdict)"
					+ " values (:demand, :at, :by, :verdict)")
			.param("demand", demand.id().value())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("verdict", String.valueOf(demand.verdict()))
			.update(keys, "id");
		long submission = keys.getKeyAs(Number.class).longValue();
		int seq = 0;
		for (StoredFinding stored : demand.findings()) {
			Finding f = stored.finding();
			this.jdbc
				.sql("insert into demand_finding (submission_id, seq, code, severity, message_zh, message_en, evidence,"
						+ " rule_document, rule_article) values (:submission, :seq, :code, :severity, :zh, :en,"
						+ " :evidence, :document, :article)")
				.param("submission", submission)
				.param("seq", seq++)
				.param("code", f.code())
				.param("severity", f.severity().name())
				.param("zh", cut(f.messageZh(), 2000))
				.param("en", cut(f.messageEn(), 2000))
				.param("evidence", cut(f.evidence(), 4000))
				.param("document", cut(f.rule().document(), 200))
				.param("article", cut(f.rule().article(), 200))
				.update();
		}
	}

	/** Stores the issuer's answers on the findings of the latest submission. */
	void recordJustifications(Demand demand) {
		Long submission = latestSubmission(demand.id().value());
		if (submission == null) {
			return;
		}
		int seq = 0;
		for (StoredFinding stored : demand.findings()) {
			this.jdbc.sql(
					"update demand_finding set justification = :answer where submission_id = :submission and seq = :seq")
				.param("answer", stored.justification() == null ? null : cut(stored.justification(), 4000))
				.param("submission", submission)
				.param("seq", seq++)
				.update();
		}
	}

	private @Nullable Long latestSubmission(long demandId) {
		return this.jdbc.sql("select max(id) from demand_submission where demand_id = :id")
			.param("id", demandId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/**
	 * A page of demands whose issuer lies in the scope, for one issuing unit if given, in
	 * one status if given, newest first.
	 */
	public List<Summary> list(Scope scope, @Nullable String issuerUnit, @Nullable DemandStatus status, int offset,
			int limit) {
		return this.jdbc
			.sql("select id, version, status, kind, title, issuer_unit_code, issuer_account, due_date, verdict,"
					+ " gate_number, updated_at from demand where issuer_unit_path like :scope"
					+ " and (:unit = '' or issuer_unit_code = :unit) and (:status = '' or status = :status)"
					+ " order by updated_at desc, id desc offset :offset rows fetch next :limit rows only")
			.param("scope", scope.pathPattern())
			.param("unit", issuerUnit == null ? "" : issuerUnit)
			.param("status", status == null ? "" : status.name())
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, i) -> new Summary(rs.getLong("id"), rs.getInt("version"),
					DemandStatus.valueOf(rs.getString("status")), DemandKind.valueOf(rs.getString("kind")),
					rs.getString("title"), rs.getString("issuer_unit_code"), rs.getString("issuer_account"),
					rs.getObject("due_date", LocalDate.class),
					rs.getString("verdict") == null ? null : Severity.valueOf(rs.getString("verdict")),
					rs.getString("gate_number"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	public long count(Scope scope, @Nullable String issuerUnit, @Nullable DemandStatus status) {
		return this.jdbc
			.sql("select count(*) from demand where issuer_unit_path like :scope"
					+ " and (:unit = '' or issuer_unit_code = :unit) and (:status = '' or status = :status)")
			.param("scope", scope.pathPattern())
			.param("unit", issuerUnit == null ? "" : issuerUnit)
			.param("status", status == null ? "" : status.name())
			.query(Long.class)
			.single();
	}

	/** Whether the unit is among the demand's recipients. */
	public boolean addresses(DemandId id, String unitCode) {
		return this.jdbc.sql("select count(*) from demand_recipient where demand_id = :id and unit_code = :unit")
			.param("id", id.value())
			.param("unit", unitCode)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public long issued(String issuerUnitCode, @Nullable Long issuerDepartmentId, Set<DemandKind> kinds, int year) {
		if (kinds.isEmpty()) {
			return 0;
		}
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(CHINA).toInstant();
		Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(CHINA).toInstant();
		return this.jdbc
			.sql("select count(*) from demand where issuer_unit_code = :unit"
					+ " and (:department = 0 or issuer_department_id = :department) and kind in (:kinds)"
					+ " and issued_at >= :from and issued_at < :to")
			.param("unit", issuerUnitCode)
			.param("department", issuerDepartmentId == null ? 0L : issuerDepartmentId)
			.param("kinds", kinds.stream().map(Enum::name).toList())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.single();
	}

	private Demand map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		List<String> recipients = this.jdbc
			.sql("select unit_code from demand_recipient where demand_id = :id order by unit_code")
			.param("id", id)
			.query(String.class)
			.list();
		Integer level = rs.getObject("recipient_level", Integer.class);
		String under = rs.getString("recipient_under");
		Recipients target = level != null && under != null ? new Recipients(recipients, UnitLevel.of(level), under)
				: Recipients.explicit(recipients);
		String answers = rs.getString("assessment_answers");
		Integer score = rs.getObject("assessment_score", Integer.class);
		Assessment assessment = answers == null || score == null ? null
				: new Assessment(Assessment.decode(answers), score);
		Long department = rs.getObject("issuer_department_id", Long.class);
		Demand.Content content = new Demand.Content(DemandKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("body"), rs.getString("field"), rs.getString("legal_basis"), target,
				rs.getObject("due_date", LocalDate.class), rs.getObject("response_days", Integer.class),
				rs.getObject("expires_on", LocalDate.class), rs.getObject("parent_id", Long.class),
				rs.getBoolean("special_task"), rs.getBoolean("note"), rs.getBoolean("relays_parent"),
				rs.getBoolean("requires_relay"), assessment, details(id));
		Demand.Issuer issuer = new Demand.Issuer(rs.getString("issuer_unit_code"), rs.getString("issuer_unit_path"),
				department, rs.getString("issuer_account"));
		String verdict = rs.getString("verdict");
		return new Demand(new DemandId(id), rs.getInt("version"), DemandStatus.valueOf(rs.getString("status")), issuer,
				content, recipients, verdict == null ? null : Severity.valueOf(verdict), findings(id),
				rs.getString("gate_number"), rs.getString("decided_by"), rs.getString("decision_reason"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("issued_at")));
	}

	private List<StoredFinding> findings(long demandId) {
		Long submission = latestSubmission(demandId);
		if (submission == null) {
			return List.of();
		}
		return new ArrayList<>(
				this.jdbc.sql("select * from demand_finding where submission_id = :submission order by seq")
					.param("submission", submission)
					.query((rs, i) -> new StoredFinding(
							new Finding(rs.getString("code"), Severity.valueOf(rs.getString("severity")),
									rs.getString("message_zh"), rs.getString("message_en"), rs.getString("evidence"),
									new RuleRef(rs.getString("rule_document"), rs.getString("rule_article"))),
							rs.getString("justification")))
					.list());
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	/** A demand as lists show it. */
	public record Summary(long id, int version, DemandStatus status, DemandKind kind, String title,
			String issuerUnitCode, String issuerAccount, @Nullable LocalDate dueDate, @Nullable Severity verdict,
			@Nullable String gateNumber, Instant updatedAt) {
	}

}
