package cn.jianfu.inspections.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The materials an inspection may ask its targets to prepare (the checklist). Photos,
 * meeting minutes, counts of documents issued and study notes are traces (留痕) that the
 * rules forbid as criteria; each material's preparation time is a rulebook value
 * {@code burden.inspection.material.<key>}.
 */
public enum Material {

	WORK_REPORT(false), STATISTICS(false), CASE_FILES(false), LEDGER(false), SELF_ASSESSMENT(false), PHOTOS(true),
	MEETING_MINUTES(true), DOCUMENT_COUNTS(true), STUDY_NOTES(true);

	private final boolean trace;

	Material(boolean trace) {
		this.trace = trace;
	}

	/** A trace (留痕) that may not be a criterion. */
	public boolean trace() {
		return this.trace;
	}

	/** The key in details and the rulebook: {@code meeting-minutes}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String messageKey() {
		return "inspections.material." + key();
	}

	public String rule() {
		return "burden.inspection.material." + key();
	}

	public static Optional<Material> ofKey(String key) {
		String k = key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values()).filter(m -> m.key().equals(k)).findFirst();
	}

	/** The materials named in a comma-separated list; unknown names are left out. */
	public static Set<Material> parse(String list) {
		Set<Material> materials = new LinkedHashSet<>();
		for (String part : list.split(",")) {
			if (!part.isBlank()) {
				ofKey(part).ifPresent(materials::add);
			}
		}
		return materials;
	}

	public static String join(Set<Material> materials) {
		return String.join(",", materials.stream().sorted().map(Material::key).toList());
	}

}
