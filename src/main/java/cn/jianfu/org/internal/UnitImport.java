package cn.jianfu.org.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.org.ImportSummary;
import cn.jianfu.org.ImportSummary.RowError;
import cn.jianfu.org.Scope;
import cn.jianfu.org.Unit;
import cn.jianfu.org.UnitLevel;
import cn.jianfu.platform.Bilingual;

/**
 * Imports units from CSV ({@code code,name,level,parent_code}; {@code #} starts a comment
 * line): validates every row first, then writes all of them in one transaction, or
 * nothing when any row is wrong.
 * <p>
 * Re-importing the same file changes nothing (every row is ignored as unchanged); a
 * changed name updates the unit. A unit cannot move to another parent or level by import,
 * since its code encodes both.
 */
@Component
public class UnitImport {

	static final List<String> HEADER = List.of("code", "name", "level", "parent_code");

	static final int MAX_ROWS = 1_000_000;

	static final int MAX_NAME = 100;

	private final Units units;

	private final TransactionTemplate transactions;

	private final Bilingual bilingual;

	private final AuditLog audit;

	private final Clock clock;

	UnitImport(Units units, TransactionTemplate transactions, Bilingual bilingual, AuditLog audit, Clock clock) {
		this.units = units;
		this.transactions = transactions;
		this.bilingual = bilingual;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Imports the file for an actor limited to {@code scope}, or for the system (command
	 * line) when scope is null.
	 */
	public ImportSummary importCsv(Reader csv, String file, @Nullable Scope scope, boolean dryRun, String actor) {
		ImportSummary summary = this.transactions.execute(status -> {
			ImportSummary result = plan(csv, file, scope, dryRun);
			if (!result.written()) {
				status.setRollbackOnly();
			}
			return result;
		});
		Objects.requireNonNull(summary);
		if (!dryRun) {
			this.audit.record(new AuditEvent(actor, AuditTypes.UNITS_IMPORTED,
					summary.ok() ? AuditResult.SUCCESS : AuditResult.FAILURE, "file:" + file,
					"created=%d updated=%d ignored=%d errors=%d".formatted(summary.created(), summary.updated(),
							summary.ignored(), summary.errors().size())));
		}
		return summary;
	}

	private ImportSummary plan(Reader csv, String file, @Nullable Scope scope, boolean dryRun) {
		List<RowError> errors = new ArrayList<>();
		List<Row> rows = read(csv, errors);
		Map<String, Row> byCode = new LinkedHashMap<>();
		for (Row row : rows) {
			Row first = byCode.putIfAbsent(row.code, row);
			if (first != null) {
				errors.add(error(row.line, "code", "code.duplicate", row.code, first.line));
			}
		}
		List<String> wanted = new ArrayList<>(byCode.keySet());
		rows.stream().map(r -> r.parentCode).filter(p -> !p.isEmpty()).forEach(wanted::add);
		Map<String, Unit> existing = this.units.findAll(wanted);
		for (Row row : rows) {
			validate(row, byCode, existing, scope, errors);
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingLong(RowError::row));
			return new ImportSummary(file, dryRun, 0, 0, 0, errors);
		}
		int created = 0;
		int updated = 0;
		int ignored = 0;
		Instant now = this.clock.instant();
		Map<String, String> paths = new HashMap<>();
		existing.values().forEach(u -> paths.put(u.code(), u.path()));
		List<Row> ordered = new ArrayList<>(byCode.values());
		ordered.sort(Comparator.comparingInt((Row r) -> r.level.number()).thenComparing(r -> r.code));
		for (Row row : ordered) {
			Unit before = existing.get(row.code);
			if (before == null) {
				String path = (row.parentCode.isEmpty() ? "/" : paths.get(row.parentCode)) + row.code + "/";
				paths.put(row.code, path);
				if (!dryRun) {
					this.units.insert(new Unit(row.code, row.name, row.level,
							row.parentCode.isEmpty() ? null : row.parentCode, path, null, null), now);
				}
				created++;
			}
			else if (!before.name().equals(row.name)) {
				if (!dryRun) {
					this.units.update(new Unit(before.code(), row.name, before.level(), before.parentCode(),
							before.path(), before.openedOn(), before.closedOn()), now);
				}
				updated++;
			}
			else {
				ignored++;
			}
		}
		return new ImportSummary(file, dryRun, created, updated, ignored, List.of());
	}

	private List<Row> read(Reader csv, List<RowError> errors) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setCommentMarker('#')
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.get();
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(csv, format)) {
			boolean header = true;
			for (CSVRecord record : parser) {
				long line = record.getParser().getCurrentLineNumber();
				if (header) {
					header = false;
					List<String> names = record.stream()
						.map(s -> s.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT))
						.toList();
					if (!names.equals(HEADER)) {
						errors.add(error(line, "header", "header", String.join(",", HEADER), String.join(",", names)));
						return rows;
					}
					continue;
				}
				if (rows.size() >= MAX_ROWS) {
					errors.add(error(line, "file", "too-many-rows", MAX_ROWS));
					return rows;
				}
				if (record.size() != HEADER.size()) {
					errors.add(error(line, "row", "columns", HEADER.size(), record.size()));
					continue;
				}
				Row row = parse(line, record, errors);
				if (row != null) {
					rows.add(row);
				}
			}
			if (header) {
				errors.add(error(1, "header", "header", String.join(",", HEADER), ""));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			errors.add(error(rows.size() + 2L, "file", "malformed", String.valueOf(ex.getMessage())));
		}
		return rows;
	}

	private @Nullable Row parse(long line, CSVRecord record, List<RowError> errors) {
		String code = record.get(0);
		String name = record.get(1);
		String levelText = record.get(2);
		String parentCode = record.get(3);
		int before = errors.size();
		if (!UnitLevel.isCode(code)) {
			errors.add(error(line, "code", "code.format", code));
		}
		if (name.isBlank()) {
			errors.add(error(line, "name", "name.blank"));
		}
		else if (name.length() > MAX_NAME) {
			errors.add(error(line, "name", "name.long", MAX_NAME, name.length()));
		}
		else if (name.chars().anyMatch(Character::isISOControl)) {
			errors.add(error(line, "name", "name.control"));
		}
		UnitLevel level = null;
		try {
			level = UnitLevel.of(Integer.parseInt(levelText));
		}
		catch (IllegalArgumentException ex) {
			errors.add(error(line, "level", "level.invalid", levelText));
		}
		if (!parentCode.isEmpty() && !UnitLevel.isCode(parentCode)) {
			errors.add(error(line, "parent_code", "code.format", parentCode));
		}
		if (errors.size() > before || level == null) {
			return null;
		}
		UnitLevel structural = UnitLevel.ofCode(code);
		if (structural != level) {
			errors.add(error(line, "level", "level.mismatch", code, structural.number(), level.number()));
			return null;
		}
		return new Row(line, code, name, level, parentCode);
	}

	private void validate(Row row, Map<String, Row> inFile, Map<String, Unit> existing, @Nullable Scope scope,
			List<RowError> errors) {
		if (row.level == UnitLevel.PROVINCE) {
			if (!row.parentCode.isEmpty()) {
				errors.add(error(row.line, "parent_code", "parent.unexpected", row.parentCode));
			}
		}
		else {
			String expected = row.level.parent().truncate(row.code);
			if (!row.parentCode.equals(expected)) {
				errors.add(error(row.line, "parent_code", "parent.mismatch", row.parentCode, expected));
				return;
			}
			if (!inFile.containsKey(row.parentCode) && !existing.containsKey(row.parentCode)) {
				errors.add(error(row.line, "parent_code", "parent.missing", row.parentCode));
				return;
			}
		}
		if (scope != null) {
			Unit anchor = existing.containsKey(row.code) ? existing.get(row.code) : existing.get(row.parentCode);
			boolean inScope = anchor != null ? scope.includes(anchor.path())
					: inFile.containsKey(row.parentCode) && ancestorInScope(row, inFile, existing, scope);
			if (!inScope) {
				errors.add(error(row.line, "code", "scope", row.code));
			}
		}
	}

	private static boolean ancestorInScope(Row row, Map<String, Row> inFile, Map<String, Unit> existing, Scope scope) {
		Row current = row;
		while (!current.parentCode.isEmpty()) {
			Unit stored = existing.get(current.parentCode);
			if (stored != null) {
				return scope.includes(stored.path());
			}
			current = inFile.get(current.parentCode);
			if (current == null) {
				return false;
			}
		}
		return false;
	}

	private RowError error(long line, String field, String code, Object... args) {
		Bilingual.Text text = this.bilingual.text("import.units." + code, args);
		return new RowError(line, field, "import.units." + code, text.zh(), text.en());
	}

	private record Row(long line, String code, String name, UnitLevel level, String parentCode) {
	}

}
