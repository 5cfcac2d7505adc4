package cn.jianfu.duties.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Bilingual;
import cn.jianfu.platform.Problem;
import cn.jianfu.platform.WorkingCalendar;

/**
 * The working-day calendar cases count on: the platform's bundled calendar
 * ({@link WorkingCalendar}, 2024–2026) merged with the dates an administrator imported
 * for later years (or to correct a date), which win over the bundled file.
 */
@Component
public class OfficialCalendar {

	static final String AUDIT_TYPE = "calendar.imported";

	/** Longest span a deadline may have, in working days. */
	public static final int MAX_DAYS = 1000;

	/** Largest calendar file accepted, in characters (some years of dates and names). */
	static final int MAX_IMPORT_CHARS = 200_000;

	private final WorkingCalendar bundled;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Bilingual messages;

	private final Clock clock;

	private volatile WorkingCalendar calendar;

	OfficialCalendar(WorkingCalendar bundled, JdbcClient jdbc, AuditLog audit, Bilingual messages, Clock clock) {
		this.bundled = bundled;
		this.jdbc = jdbc;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	public boolean isWorkingDay(LocalDate day) {
		return calendar().isWorkingDay(day);
	}

	/**
	 * The day {@code days} working days after {@code from}; {@code from} itself is not
	 * counted.
	 */
	public LocalDate plusWorkingDays(LocalDate from, int days) {
		if (days < 0 || days > MAX_DAYS) {
			throw Problem.badRequest("calendar.days", MAX_DAYS);
		}
		return calendar().plusWorkingDays(from, days);
	}

	/**
	 * Working days after {@code from} up to and including {@code to}; negative before.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		return calendar().workingDaysBetween(from, to);
	}

	public boolean covers(int year) {
		return calendar().covers(year);
	}

	/**
	 * Imports dates in the bundled file's format
	 * ({@code date<TAB>holiday|workday<TAB>name}, {@code #} comments, an optional
	 * header): all or nothing, every error named by line.
	 * @return how many dates were stored
	 */
	@Transactional
	public int importDays(Viewer viewer, String text) {
		if (!viewer.has(Role.ADMIN)) {
			throw new Problem(HttpStatus.FORBIDDEN, "calendar.not-admin");
		}
		if (text.length() > MAX_IMPORT_CHARS) {
			throw Problem.badRequest("calendar.import.too-large", MAX_IMPORT_CHARS);
		}
		Map<LocalDate, String[]> days = new LinkedHashMap<>();
		List<ImportErrors.Error> errors = new ArrayList<>();
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length && errors.size() < 200; i++) {
			String line = lines[i];
			if (line.isBlank() || line.startsWith("#") || line.startsWith("date\t")) {
				continue;
			}
			String[] c = line.split("\t");
			LocalDate day = null;
			try {
				day = LocalDate.parse(c[0].strip());
			}
			catch (DateTimeParseException ex) {
				errors.add(error(i + 1, "A", "calendar.import.date", c[0]));
			}
			if (c.length < 2 || !(c[1].strip().equals("holiday") || c[1].strip().equals("workday"))) {
				errors.add(error(i + 1, "B", "calendar.import.kind"));
			}
			else if (day != null && days.put(day, c) != null) {
				errors.add(error(i + 1, "A", "calendar.import.duplicate", day));
			}
		}
		if (days.isEmpty() && errors.isEmpty()) {
			errors.add(error(1, "", "calendar.import.empty"));
		}
		if (!errors.isEmpty()) {
			throw new ImportErrors(errors);
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		for (var entry : days.entrySet()) {
			String[] c = entry.getValue();
			String name = (c.length > 2) ? c[2].strip() : "";
			this.jdbc.sql("delete from calendar_day where on_day = :day")
				.param("day", Date.valueOf(entry.getKey()))
				.update();
			this.jdbc
				.sql("insert into calendar_day (on_day, kind, name, imported_by, imported_at)"
						+ " values (:day, :kind, :name, :by, :at)")
				.param("day", Date.valueOf(entry.getKey()))
				.param("kind", c[1].strip())
				.param("name", name.length() > 200 ? name.substring(0, 200) : name)
				.param("by", viewer.username())
				.param("at", now)
				.update();
		}
		this.calendar = null;
		this.audit.record(new AuditEvent(viewer.username(), AUDIT_TYPE, AuditResult.SUCCESS, "calendar",
				days.size() + " dates " + days.keySet().stream().findFirst().orElseThrow() + ".."
						+ days.keySet().stream().reduce((a, b) -> b).orElseThrow()));
		return days.size();
	}

	private ImportErrors.Error error(int line, String column, String key, Object... args) {
		Bilingual.Text text = this.messages.text(key, args);
		return new ImportErrors.Error("calendar", line, column, text.zh(), text.en());
	}

	/**
	 * The bundled calendar with the imported dates in place, read once after each import.
	 */
	private WorkingCalendar calendar() {
		WorkingCalendar merged = this.calendar;
		if (merged == null) {
			Map<LocalDate, Boolean> imported = new HashMap<>();
			this.jdbc.sql("select on_day, kind from calendar_day")
				.query((rs, i) -> imported.put(rs.getDate("on_day").toLocalDate(),
						"workday".equals(rs.getString("kind"))))
				.list();
			merged = this.bundled.with(imported);
			this.calendar = merged;
		}
		return merged;
	}

}
