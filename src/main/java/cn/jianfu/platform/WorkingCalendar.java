package cn.jianfu.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The official working-day calendar: weekdays are working days and weekends rest days,
 * except the public holidays and the adjusted working days (调休) of the State Council's
 * yearly notices, bundled from {@code calendar/holidays-cn.tsv} (2024–2026, with sources
 * in the file).
 * <p>
 * Deadlines "within N working days" count on this calendar. For a year the file does not
 * cover, only weekends are rest days; {@link #covers(int)} tells which years are known.
 */
@Component
public class WorkingCalendar {

	static final String RESOURCE = "calendar/holidays-cn.tsv";

	private final Map<LocalDate, Boolean> exceptions;

	public WorkingCalendar() {
		this(load());
	}

	WorkingCalendar(Map<LocalDate, Boolean> exceptions) {
		this.exceptions = Map.copyOf(exceptions);
	}

	/**
	 * This calendar with these days in place of its own (dates an administrator imported
	 * for later years, or corrections): {@code true} a working day, {@code false} a rest
	 * day.
	 */
	public WorkingCalendar with(Map<LocalDate, Boolean> days) {
		Map<LocalDate, Boolean> merged = new HashMap<>(this.exceptions);
		merged.putAll(days);
		return new WorkingCalendar(merged);
	}

	public boolean isWorkingDay(LocalDate day) {
		Boolean working = this.exceptions.get(day);
		if (working != null) {
			return working;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * The day that is {@code days} working days after {@code from} (0 gives {@code from}
	 * itself).
	 */
	public LocalDate plusWorkingDays(LocalDate from, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		LocalDate day = from;
		for (int left = days; left > 0;) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	/**
	 * Working days after {@code from} up to and including {@code to}; negative when
	 * {@code to} is before {@code from}.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	public boolean covers(int year) {
		return this.exceptions.keySet().stream().anyMatch(d -> d.getYear() == year);
	}

	private static Map<LocalDate, Boolean> load() {
		Map<LocalDate, Boolean> days = new TreeMap<>();
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#") || line.startsWith("date\t")) {
					continue;
				}
				String[] columns = line.split("\t");
				if (columns.length < 2 || !(columns[1].equals("holiday") || columns[1].equals("workday"))) {
					throw new IllegalStateException(RESOURCE + " line " + number + ": expected date, holiday|workday");
				}
				days.put(LocalDate.parse(columns[0]), columns[1].equals("workday"));
			}
		}
		catch (IOException | DateTimeParseException ex) {
			throw new IllegalStateException("cannot read " + RESOURCE + ": " + ex.getMessage(), ex);
		}
		return days;
	}

}
