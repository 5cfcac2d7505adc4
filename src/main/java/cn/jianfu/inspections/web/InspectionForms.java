package cn.jianfu.inspections.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

import cn.jianfu.inspections.internal.InspectionDemands;
import cn.jianfu.inspections.internal.InspectionPlan;
import cn.jianfu.inspections.internal.InspectionType;
import cn.jianfu.inspections.internal.Material;
import cn.jianfu.platform.Problem;

/**
 * The forms of the inspection pages: a plan item, and an inspection demand.
 */
final class InspectionForms {

	private InspectionForms() {
	}

	static Set<Material> materials(List<String> keys) {
		Set<Material> set = new LinkedHashSet<>();
		for (String key : keys) {
			set.add(Material.ofKey(key).orElseThrow(() -> Problem.badRequest("request.invalid", key)));
		}
		return set;
	}

	static @Nullable InspectionType type(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return InspectionType.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw Problem.badRequest("inspections.type");
		}
	}

	/** A plan item as the page's form sends it. */
	static class ItemForm {

		private int year = LocalDate.now().getYear();

		private String title = "";

		private String type = "CHECK";

		private boolean comprehensive;

		private String fields = "";

		private String months = "";

		private boolean onSite = true;

		private List<String> materials = new ArrayList<>();

		private List<String> targets = new ArrayList<>();

		InspectionPlan.NewItem item() {
			InspectionType t = type(this.type);
			if (t == null) {
				throw Problem.badRequest("inspections.type");
			}
			return new InspectionPlan.NewItem(this.year, this.title, t, this.comprehensive,
					InspectionPlan.splitFields(this.fields), InspectionPlan.parseMonths(this.months), this.onSite,
					materials(this.materials), List.copyOf(this.targets));
		}

		public int getYear() {
			return this.year;
		}

		public void setYear(int year) {
			this.year = year;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getType() {
			return this.type;
		}

		public void setType(String type) {
			this.type = type;
		}

		public boolean isComprehensive() {
			return this.comprehensive;
		}

		public void setComprehensive(boolean comprehensive) {
			this.comprehensive = comprehensive;
		}

		public String getFields() {
			return this.fields;
		}

		public void setFields(String fields) {
			this.fields = fields;
		}

		public String getMonths() {
			return this.months;
		}

		public void setMonths(String months) {
			this.months = months;
		}

		public boolean isOnSite() {
			return this.onSite;
		}

		public void setOnSite(boolean onSite) {
			this.onSite = onSite;
		}

		public List<String> getMaterials() {
			return this.materials;
		}

		public void setMaterials(List<String> materials) {
			this.materials = materials;
		}

		public List<String> getTargets() {
			return this.targets;
		}

		public void setTargets(List<String> targets) {
			this.targets = targets;
		}

	}

	/** An inspection demand as the page's form sends it. */
	static class DemandForm extends ItemForm {

		private @Nullable Long planItem;

		private String body = "";

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private @Nullable LocalDate visitOn;

		private String legalBasis = "";

		private @Nullable Integer staff;

		InspectionDemands.Request request() {
			return new InspectionDemands.Request(this.planItem,
					this.visitOn != null && this.planItem == null ? this.visitOn.getYear() : getYear(), getTitle(),
					this.body, type(getType()), isComprehensive(), InspectionPlan.splitFields(getFields()),
					InspectionPlan.parseMonths(getMonths()), isOnSite(), materials(getMaterials()),
					List.copyOf(getTargets()), this.visitOn, this.legalBasis.isBlank() ? null : this.legalBasis,
					this.staff);
		}

		public @Nullable Long getPlanItem() {
			return this.planItem;
		}

		public void setPlanItem(@Nullable Long planItem) {
			this.planItem = planItem;
		}

		public String getBody() {
			return this.body;
		}

		public void setBody(String body) {
			this.body = body;
		}

		public @Nullable LocalDate getVisitOn() {
			return this.visitOn;
		}

		public void setVisitOn(@Nullable LocalDate visitOn) {
			this.visitOn = visitOn;
		}

		public String getLegalBasis() {
			return this.legalBasis;
		}

		public void setLegalBasis(String legalBasis) {
			this.legalBasis = legalBasis;
		}

		public @Nullable Integer getStaff() {
			return this.staff;
		}

		public void setStaff(@Nullable Integer staff) {
			this.staff = staff;
		}

	}

}
