package cn.jianfu.inspections.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.jianfu.gate.DemandSnapshot;

/**
 * The flat values an inspection demand carries in the gate's {@code details}, as the
 * checks and the burden estimator read them back.
 */
public record InspectionDetails(@Nullable Long planItem, int year, @Nullable InspectionType type, boolean comprehensive,
		boolean onSite, Set<String> fields, Set<Integer> months, Set<Material> materials, @Nullable Integer staff) {

	static final String PLAN_ITEM = "inspection.plan-item";

	static final String YEAR = "inspection.year";

	static final String TYPE = "inspection.type";

	static final String COMPREHENSIVE = "inspection.comprehensive";

	static final String ON_SITE = "inspection.on-site";

	static final String FIELDS = "inspection.fields";

	static final String MONTHS = "inspection.months";

	static final String MATERIALS = "inspection.materials";

	static final String STAFF = "inspection.staff";

	public InspectionDetails {
		fields = Set.copyOf(fields);
		months = Set.copyOf(months);
		materials = Set.copyOf(materials);
	}

	/**
	 * Reads the details of a demand; missing or unreadable values fall back to neutral
	 * ones.
	 */
	public static InspectionDetails of(DemandSnapshot demand, int defaultYear) {
		Map<String, String> d = demand.details();
		Long item = number(d.get(PLAN_ITEM));
		Long year = number(d.get(YEAR));
		Long staff = number(d.get(STAFF));
		InspectionType type = null;
		try {
			type = d.containsKey(TYPE) ? InspectionType.valueOf(d.get(TYPE).strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			type = null;
		}
		Set<Integer> months;
		try {
			months = InspectionPlan.parseMonths(d.getOrDefault(MONTHS, ""));
		}
		catch (RuntimeException ex) {
			months = Set.of();
		}
		Set<String> fields = InspectionPlan.splitFields(d.getOrDefault(FIELDS, ""));
		if (fields.isEmpty() && demand.field() != null && !demand.field().isBlank()) {
			fields = Set.of(demand.field().strip());
		}
		return new InspectionDetails(item, year == null ? defaultYear : year.intValue(), type,
				Boolean.parseBoolean(d.get(COMPREHENSIVE)), Boolean.parseBoolean(d.get(ON_SITE)), fields, months,
				Material.parse(d.getOrDefault(MATERIALS, "")), staff == null ? null : staff.intValue());
	}

	/** The details to put on the gate's draft. */
	public Map<String, String> toDetails() {
		Map<String, String> d = new LinkedHashMap<>();
		if (this.planItem != null) {
			d.put(PLAN_ITEM, this.planItem.toString());
		}
		d.put(YEAR, String.valueOf(this.year));
		if (this.type != null) {
			d.put(TYPE, this.type.name());
		}
		d.put(COMPREHENSIVE, String.valueOf(this.comprehensive));
		d.put(ON_SITE, String.valueOf(this.onSite));
		d.put(FIELDS, String.join(",", List.copyOf(new java.util.TreeSet<>(this.fields))));
		d.put(MONTHS, InspectionPlan.joinMonths(this.months));
		d.put(MATERIALS, Material.join(this.materials));
		if (this.staff != null) {
			d.put(STAFF, this.staff.toString());
		}
		return d;
	}

	public Similarity.Profile profile(List<String> targets) {
		return new Similarity.Profile(targets, this.months, this.fields);
	}

	private static @Nullable Long number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
