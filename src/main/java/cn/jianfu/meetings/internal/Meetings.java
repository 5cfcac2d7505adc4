package cn.jianfu.meetings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The meeting tables: meetings with their agenda, the recipients they were issued to, and
 * attendance. Times are stored as Beijing local times.
 */
@Repository
public class Meetings implements MeetingHistory {

	private static final String COLUMNS = "demand_id, issuer_unit_code, title, mode, field, comprehensive,"
			+ " plan_entry_id, starts_at, ends_at, discussion_minutes, principals, deputies, staff, venue,"
			+ " parent_demand_id, parent_title, requires_relay, convener, gate_number, issued_at, cancelled";

	private final JdbcClient jdbc;

	Meetings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Meeting m) {
		this.jdbc
			.sql("insert into meeting (" + COLUMNS + ") values (:id, :issuer, :title, :mode, :field,"
					+ " :comprehensive, :plan, :start, :end, :discussion, :principals, :deputies, :staff, :venue,"
					+ " :parent, :parentTitle, :requiresRelay, :convener, null, null, false)")
			.paramSource(params(m))
			.update();
		insertAgenda(m);
	}

	void update(Meeting m) {
		this.jdbc
			.sql("update meeting set title = :title, mode = :mode, field = :field, comprehensive = :comprehensive,"
					+ " plan_entry_id = :plan, starts_at = :start, ends_at = :end, discussion_minutes = :discussion,"
					+ " principals = :principals, deputies = :deputies, staff = :staff, venue = :venue,"
					+ " parent_demand_id = :parent, parent_title = :parentTitle, requires_relay = :requiresRelay,"
					+ " convener = :convener where demand_id = :id")
			.paramSource(params(m))
			.update();
		this.jdbc.sql("delete from meeting_agenda_item where demand_id = :id").param("id", m.demandId()).update();
		insertAgenda(m);
	}

	private void insertAgenda(Meeting m) {
		int position = 0;
		for (Meeting.Item item : m.agenda()) {
			this.jdbc
				.sql("insert into meeting_agenda_item (demand_id, position, topic, speaker, minutes, main_speech)"
						+ " values (:id, :position, :topic, :speaker, :minutes, :main)")
				.param("id", m.demandId())
				.param("position", position++)
				.param("topic", item.topic())
				.param("speaker", item.speaker())
				.param("minutes", item.minutes())
				.param("main", item.mainSpeech())
				.update();
		}
	}

	private static Map<String, Object> params(Meeting m) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", m.demandId());
		p.put("issuer", m.issuerUnitCode());
		p.put("title", m.title());
		p.put("mode", m.mode().name());
		p.put("field", m.field());
		p.put("comprehensive", m.comprehensive());
		p.put("plan", m.planEntryId());
		p.put("start", Timestamp.valueOf(m.start()));
		p.put("end", Timestamp.valueOf(m.end()));
		p.put("discussion", m.discussionMinutes());
		p.put("principals", m.principals());
		p.put("deputies", m.deputies());
		p.put("staff", m.staff());
		p.put("venue", m.venue());
		p.put("parent", m.parentDemandId());
		p.put("parentTitle", m.parentTitle());
		p.put("requiresRelay", m.requiresRelay());
		p.put("convener", m.convener().name());
		return p;
	}

	public Optional<Meeting> find(long demandId) {
		return list("where demand_id = :id", Map.of("id", demandId)).stream().findFirst();
	}

	/** The issued, not cancelled meetings addressed to a unit that overlap the period. */
	public List<Meeting> addressedTo(String unitCode, LocalDateTime from, LocalDateTime to) {
		return list(
				"where issued_at is not null and not cancelled and ends_at > :from and starts_at < :to"
						+ " and demand_id in (select demand_id from meeting_recipient where unit_code = :unit)"
						+ " order by starts_at, demand_id",
				Map.of("unit", unitCode, "from", Timestamp.valueOf(from), "to", Timestamp.valueOf(to)));
	}

	/** The meetings a unit issued, newest first. */
	public List<Meeting> issuedBy(String unitCode, int limit) {
		return list("where issuer_unit_code = :unit order by starts_at desc, demand_id desc limit " + limit,
				Map.of("unit", unitCode));
	}

	public boolean addressedTo(long demandId, String unitCode) {
		return this.jdbc.sql("select count(*) from meeting_recipient where demand_id = :id and unit_code = :unit")
			.param("id", demandId)
			.param("unit", unitCode)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public long comprehensiveIssued(String unitCode, String field, int year, long except) {
		return this.jdbc
			.sql("select count(*) from meeting where issuer_unit_code = :unit and field = :field"
					+ " and comprehensive and issued_at is not null and not cancelled and demand_id <> :except"
					+ " and starts_at >= :from and starts_at < :to")
			.param("unit", unitCode)
			.param("field", field)
			.param("except", except)
			.param("from", Timestamp.valueOf(LocalDateTime.of(year, 1, 1, 0, 0)))
			.param("to", Timestamp.valueOf(LocalDateTime.of(year + 1, 1, 1, 0, 0)))
			.query(Long.class)
			.single();
	}

	@Override
	public Share videoShare(String unitCode, int year, long except) {
		return this.jdbc
			.sql("select count(*) as total, coalesce(sum(case when mode <> 'IN_PERSON' then 1 else 0 end), 0)"
					+ " as video from meeting where issuer_unit_code = :unit and issued_at is not null and not cancelled"
					+ " and demand_id <> :except and starts_at >= :from and starts_at < :to")
			.param("unit", unitCode)
			.param("except", except)
			.param("from", Timestamp.valueOf(LocalDateTime.of(year, 1, 1, 0, 0)))
			.param("to", Timestamp.valueOf(LocalDateTime.of(year + 1, 1, 1, 0, 0)))
			.query((rs, i) -> new Share(rs.getLong("total"), rs.getLong("video")))
			.single();
	}

	void issued(long demandId, String gateNumber, Instant at, Collection<String> recipients) {
		this.jdbc.sql("update meeting set gate_number = :number, issued_at = :at where demand_id = :id")
			.param("number", gateNumber)
			.param("at", Timestamp.from(at))
			.param("id", demandId)
			.update();
		this.jdbc.sql("delete from meeting_recipient where demand_id = :id").param("id", demandId).update();
		for (String unit : recipients) {
			this.jdbc.sql("insert into meeting_recipient (demand_id, unit_code) values (:id, :unit)")
				.param("id", demandId)
				.param("unit", unit)
				.update();
		}
	}

	void cancelled(long demandId) {
		this.jdbc.sql("update meeting set cancelled = true where demand_id = :id").param("id", demandId).update();
	}

	public List<Attendee> attendance(long demandId, @Nullable String unitCode) {
		return this.jdbc
			.sql("select unit_code, attendee_name, attendee_role, recorded_by, recorded_at from meeting_attendance"
					+ " where demand_id = :id" + (unitCode == null ? "" : " and unit_code = :unit")
					+ " order by unit_code, id")
			.param("id", demandId)
			.param("unit", unitCode == null ? "" : unitCode)
			.query((rs, i) -> new Attendee(rs.getString("unit_code"), rs.getString("attendee_name"),
					AttendeeRole.valueOf(rs.getString("attendee_role")), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	void replaceAttendance(long demandId, String unitCode, List<Attendee> attendees) {
		this.jdbc.sql("delete from meeting_attendance where demand_id = :id and unit_code = :unit")
			.param("id", demandId)
			.param("unit", unitCode)
			.update();
		for (Attendee a : attendees) {
			this.jdbc
				.sql("insert into meeting_attendance (demand_id, unit_code, attendee_name, attendee_role, recorded_by,"
						+ " recorded_at) values (:id, :unit, :name, :role, :by, :at)")
				.param("id", demandId)
				.param("unit", unitCode)
				.param("name", a.name())
				.param("role", a.role().name())
				.param("by", a.recordedBy())
				.param("at", Timestamp.from(a.recordedAt()))
				.update();
		}
	}

	/** Who attended a meeting for a unit, in which role. */
	public record Attendee(String unitCode, String name, AttendeeRole role, String recordedBy, Instant recordedAt) {
	}

	private List<Meeting> list(String where, Map<String, ?> params) {
		List<Meeting> rows = this.jdbc.sql("select " + COLUMNS + " from meeting " + where)
			.params(params)
			.query((rs, i) -> row(rs))
			.list();
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<Meeting.Item>> items = new HashMap<>();
		this.jdbc
			.sql("select demand_id, topic, speaker, minutes, main_speech from meeting_agenda_item"
					+ " where demand_id in (:ids) order by demand_id, position")
			.param("ids", rows.stream().map(Meeting::demandId).toList())
			.query((rs, i) -> items.computeIfAbsent(rs.getLong("demand_id"), k -> new ArrayList<>())
				.add(new Meeting.Item(rs.getString("topic"), rs.getString("speaker"), rs.getInt("minutes"),
						rs.getBoolean("main_speech"))))
			.list();
		return rows.stream().map(m -> withAgenda(m, items.getOrDefault(m.demandId(), List.of()))).toList();
	}

	private static Meeting withAgenda(Meeting m, List<Meeting.Item> agenda) {
		return new Meeting(m.demandId(), m.issuerUnitCode(), m.title(), m.mode(), m.field(), m.comprehensive(),
				m.planEntryId(), m.start(), m.end(), m.discussionMinutes(), m.principals(), m.deputies(), m.staff(),
				m.venue(), m.parentDemandId(), m.parentTitle(), m.requiresRelay(), m.convener(), m.gateNumber(),
				m.issuedAt(), m.cancelled(), agenda);
	}

	private static Meeting row(ResultSet rs) throws SQLException {
		Timestamp issued = rs.getTimestamp("issued_at");
		return new Meeting(rs.getLong("demand_id"), rs.getString("issuer_unit_code"), rs.getString("title"),
				MeetingMode.valueOf(rs.getString("mode")), rs.getString("field"), rs.getBoolean("comprehensive"),
				nullableLong(rs, "plan_entry_id"), rs.getTimestamp("starts_at").toLocalDateTime(),
				rs.getTimestamp("ends_at").toLocalDateTime(), rs.getInt("discussion_minutes"), rs.getInt("principals"),
				rs.getInt("deputies"), rs.getInt("staff"), rs.getString("venue"), nullableLong(rs, "parent_demand_id"),
				rs.getString("parent_title"), rs.getBoolean("requires_relay"),
				Convener.valueOf(rs.getString("convener")), rs.getString("gate_number"),
				issued == null ? null : issued.toInstant(), rs.getBoolean("cancelled"), List.of());
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
