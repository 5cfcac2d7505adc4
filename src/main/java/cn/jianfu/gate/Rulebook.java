package cn.jianfu.gate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.audit.AuditEvent;
import cn.jianfu.audit.AuditLog;
import cn.jianfu.audit.AuditResult;
import cn.jianfu.audit.AuditTypes;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * The numbers every check and the burden model apply: defaults from the central rules
 * ({@code rulebook/defaults.tsv}, each with its source document and article), overridden
 * by a jurisdiction's gatekeeper for its subtree. An override is inherited by every unit
 * below; the nearest one wins. Every change is audited.
 */
@Component
public class Rulebook {

	static final String DEFAULTS = "rulebook/defaults.tsv";

	static final String FILES = "rulebook/*.tsv";

	private final Map<String, RuleDefinition> definitions;

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	private final AuditLog audit;

	private final Clock clock;

	Rulebook(JdbcClient jdbc, OrgChart orgChart, AuditLog audit, Clock clock) {
		this.definitions = load();
		this.jdbc = jdbc;
		this.orgChart = orgChart;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The default values of the central rules for a unit without overrides: for checks
	 * tested without a database, and for a check's catalogue entry.
	 */
	public static RuleValues defaults(String unitCode) {
		Map<String, RuleValues.Value> values = new LinkedHashMap<>();
		for (RuleDefinition definition : Defaults.ALL.values()) {
			values.put(definition.key(), new RuleValues.Value(definition, definition.defaultValue(), null));
		}
		return new RuleValues(unitCode, values);
	}

	/** The document and article a rule comes from. */
	public static RuleRef source(String key) {
		RuleDefinition definition = Defaults.ALL.get(key);
		if (definition == null) {
			throw new IllegalArgumentException("no such rule: " + key);
		}
		return definition.source();
	}

	public Collection<RuleDefinition> definitions() {
		return this.definitions.values();
	}

	public Optional<RuleDefinition> definition(String key) {
		return Optional.ofNullable(this.definitions.get(key));
	}

	/**
	 * The values in force for a unit, given its path from the root ({@link Unit#path()}).
	 */
	public RuleValues forUnit(Unit unit) {
		List<String> codes = new ArrayList<>();
		for (String part : unit.path().split("/")) {
			if (!part.isEmpty()) {
				codes.add(part);
			}
		}
		Map<String, Map<String, String>> overrides = new HashMap<>();
		this.jdbc.sql("select unit_code, rule_key, rule_value from rule_override where unit_code in (:codes)")
			.param("codes", codes)
			.query((rs, i) -> overrides.computeIfAbsent(rs.getString("unit_code"), k -> new HashMap<>())
				.put(rs.getString("rule_key"), rs.getString("rule_value")))
			.list();
		Map<String, RuleValues.Value> values = new LinkedHashMap<>();
		for (RuleDefinition definition : this.definitions.values()) {
			RuleValues.Value value = new RuleValues.Value(definition, definition.defaultValue(), null);
			for (String code : codes) {
				String overridden = overrides.getOrDefault(code, Map.of()).get(definition.key());
				if (overridden != null) {
					value = new RuleValues.Value(definition, overridden, code);
				}
			}
			values.put(definition.key(), value);
		}
		return new RuleValues(unit.code(), values);
	}

	/**
	 * Sets a rule's value for a unit in the gatekeeper's (or administrator's) scope and
	 * its subtree.
	 */
	@Transactional
	public void override(Viewer viewer, String unitCode, String key, String value, String reason) {
		requireKeeper(viewer);
		Unit unit = this.orgChart.require(viewer.scope(), unitCode);
		RuleDefinition definition = definition(key).orElseThrow(() -> Problem.notFound("rule", key));
		String trimmed = value.strip();
		String invalid = definition.invalid(trimmed);
		if (invalid != null) {
			throw Problem.badRequest("rule.value." + invalid, key, trimmed, plain(definition.min()),
					plain(definition.max()));
		}
		if (reason.isBlank()) {
			throw Problem.badRequest("rule.reason");
		}
		String before = forUnit(unit).get(key).value();
		this.jdbc.sql("delete from rule_override where unit_code = :unit and rule_key = :key")
			.param("unit", unitCode)
			.param("key", key)
			.update();
		this.jdbc
			.sql("insert into rule_override (unit_code, rule_key, rule_value, reason, set_by, set_at)"
					+ " values (:unit, :key, :value, :reason, :by, :at)")
			.param("unit", unitCode)
			.param("key", key)
			.param("value", trimmed)
			.param("reason", reason.strip())
			.param("by", viewer.username())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
		this.audit.record(new AuditEvent(viewer.username(), AuditTypes.RULEBOOK_CHANGED, AuditResult.SUCCESS,
				"rule:" + unitCode + ":" + key, before + " -> " + trimmed + "; " + reason.strip()));
	}

	/**
	 * Removes a unit's override, so that the value is inherited again.
	 */
	@Transactional
	public void clear(Viewer viewer, String unitCode, String key) {
		requireKeeper(viewer);
		this.orgChart.require(viewer.scope(), unitCode);
		int removed = this.jdbc.sql("delete from rule_override where unit_code = :unit and rule_key = :key")
			.param("unit", unitCode)
			.param("key", key)
			.update();
		if (removed == 0) {
			throw Problem.notFound("rule-override", unitCode + ":" + key);
		}
		this.audit.record(new AuditEvent(viewer.username(), AuditTypes.RULEBOOK_CHANGED, AuditResult.SUCCESS,
				"rule:" + unitCode + ":" + key, "override removed"));
	}

	private static void requireKeeper(Viewer viewer) {
		if (!viewer.has(Role.GATEKEEPER) && !viewer.has(Role.ADMIN)) {
			throw new Problem(org.springframework.http.HttpStatus.FORBIDDEN, "rule.not-keeper");
		}
	}

	private static String plain(@Nullable BigDecimal number) {
		return number == null ? "" : number.toPlainString();
	}

	/** The defaults, read once for the static accessors. */
	private static final class Defaults {

		static final Map<String, RuleDefinition> ALL = load();

	}

	/**
	 * The defaults file first, then every other {@code rulebook/*.tsv} in name order:
	 * each module keeps its rules in a file of its own.
	 */
	static Map<String, RuleDefinition> load() {
		Map<String, RuleDefinition> definitions = new LinkedHashMap<>();
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + FILES);
			List<Resource> files = new ArrayList<>();
			files.add(new ClassPathResource(DEFAULTS));
			Arrays.stream(found)
				.filter(r -> !DEFAULTS.endsWith(String.valueOf(r.getFilename())))
				.sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
				.forEach(files::add);
			for (Resource file : files) {
				read(file, "rulebook/" + file.getFilename(), definitions);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + FILES, ex);
		}
		return definitions;
	}

	private static void read(Resource file, String name, Map<String, RuleDefinition> definitions) throws IOException {
		try (InputStream in = file.getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#") || line.startsWith("key\t")) {
					continue;
				}
				String[] c = line.split("\t", -1);
				if (c.length != 10) {
					throw new IllegalStateException(
							name + " line " + number + ": expected 10 columns, found " + c.length);
				}
				RuleDefinition definition = new RuleDefinition(c[0], RuleDefinition.Type.valueOf(c[1].toUpperCase()),
						c[2], c[3].isBlank() ? null : new BigDecimal(c[3]),
						c[4].isBlank() ? null : new BigDecimal(c[4]), c[5].strip(), new RuleRef(c[6], c[7]), c[8],
						c[9]);
				String invalid = definition.invalid(definition.defaultValue());
				if (invalid != null || definitions.put(definition.key(), definition) != null) {
					throw new IllegalStateException(name + " line " + number + ": bad or duplicate rule " + c[0]);
				}
			}
		}
	}

}
