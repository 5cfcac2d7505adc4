package cn.jianfu.inspections.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One item of a jurisdiction's annual inspection plan: who runs it, what kind, in which
 * fields, on which target units, in which months, on site or remote, and which materials
 * it asks for.
 */
public record PlanItem(long id, int year, String unitCode, @Nullable Long departmentId, String issuerName, String title,
		InspectionType type, boolean comprehensive, Set<String> fields, Set<Integer> months, boolean onSite,
		Set<Material> materials, List<String> targets) {

	public PlanItem {
		fields = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(fields));
		months = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(months));
		materials = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(materials));
		targets = List.copyOf(targets);
	}

	/** The same unit and department ran it. */
	public boolean sameIssuer(String unit, @Nullable Long department) {
		return this.unitCode.equals(unit) && java.util.Objects.equals(this.departmentId, department);
	}

	public Similarity.Profile profile() {
		return new Similarity.Profile(this.targets, this.months, this.fields);
	}

}
