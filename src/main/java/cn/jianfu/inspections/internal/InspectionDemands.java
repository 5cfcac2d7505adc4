package cn.jianfu.inspections.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.gate.DemandDraft;
import cn.jianfu.gate.DemandIntake;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.org.Role;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;

/**
 * Places inspection demands at the gate: the issuer's form becomes the gate's draft (kind
 * INSPECTION) with the plan item, on-site flag, materials and targets in its details, and
 * a record of its own keyed by the demand id.
 */
@Component
public class InspectionDemands {

	private final DemandIntake intake;

	private final InspectionPlan plan;

	private final JdbcClient jdbc;

	private final Clock clock;

	InspectionDemands(DemandIntake intake, InspectionPlan plan, JdbcClient jdbc, Clock clock) {
		this.intake = intake;
		this.plan = plan;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * An inspection as the issuer asks for it. With a plan item, the item's type, fields,
	 * months, on-site flag and targets apply, and its materials unless others are given.
	 */
	public record Request(@Nullable Long planItem, int year, @Nullable String title, @Nullable String body,
			@Nullable InspectionType type, boolean comprehensive, Set<String> fields, Set<Integer> months,
			boolean onSite, Set<Material> materials, List<String> targets, @Nullable LocalDate visitOn,
			@Nullable String legalBasis, @Nullable Integer staff) {
	}

	@Transactional
	public long place(Viewer viewer, Request request) {
		if (!viewer.has(Role.ISSUER)) {
			throw new Problem(HttpStatus.FORBIDDEN, "inspections.not-issuer");
		}
		Request r = request;
		if (request.planItem() != null) {
			PlanItem item = this.plan.find(viewer, request.planItem())
				.filter(i -> i.sameIssuer(viewer.unitCode(), viewer.departmentId()))
				.orElseThrow(() -> Problem.badRequest("inspections.item-not-yours", request.planItem()));
			r = new Request(item.id(), item.year(), blank(request.title()) ? item.title() : request.title(),
					request.body(), item.type(), item.comprehensive(), item.fields(), item.months(), item.onSite(),
					request.materials().isEmpty() ? item.materials() : request.materials(), item.targets(),
					request.visitOn(), request.legalBasis(), request.staff());
		}
		if (blank(r.title())) {
			throw Problem.badRequest("inspections.title");
		}
		if (r.type() == null) {
			throw Problem.badRequest("inspections.type");
		}
		if (r.targets().isEmpty()) {
			throw Problem.badRequest("inspections.targets");
		}
		if (r.months().stream().anyMatch(m -> m == null || m < 1 || m > 12)) {
			throw Problem.badRequest("inspections.months");
		}
		if (r.staff() != null && (r.staff() < 1 || r.staff() > 100)) {
			throw Problem.badRequest("inspections.staff");
		}
		InspectionDetails details = new InspectionDetails(r.planItem(), r.year(), r.type(), r.comprehensive(),
				r.onSite(), r.fields(), r.months(), r.materials(), r.staff());
		String body = blank(r.body()) ? r.title() : r.body();
		String field = r.fields().isEmpty() ? null : r.fields().iterator().next();
		DemandDraft draft = new DemandDraft(DemandKind.INSPECTION, r.title(), body, field, r.legalBasis(),
				List.copyOf(r.targets()), null, null, r.visitOn(), null, null, null, false, false, false, false, null,
				details.toDetails());
		long id = this.intake.draft(viewer, draft);
		this.jdbc.sql("insert into inspection_demand (demand_id, item_id, plan_year, unit_code, department_id, fields,"
				+ " comprehensive, created_at) values (:id, :item, :year, :unit, :department, :fields, :comprehensive,"
				+ " :now)")
			.param("id", id)
			.param("item", r.planItem())
			.param("year", r.year())
			.param("unit", viewer.unitCode())
			.param("department", viewer.departmentId())
			.param("fields", String.join(",", new java.util.TreeSet<>(r.fields())))
			.param("comprehensive", r.comprehensive())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return id;
	}

	/**
	 * Comprehensive inspection demands of the issuer in the year that are not plan items,
	 * but this one.
	 */
	public long comprehensiveOutsidePlan(String unitCode, @Nullable Long departmentId, int year, long exceptDemand) {
		return this.jdbc
			.sql("select count(*) from inspection_demand where plan_year = :year and unit_code = :unit and "
					+ (departmentId == null ? "department_id is null" : "department_id = :department")
					+ " and comprehensive = true and item_id is null and demand_id <> :except")
			.param("year", year)
			.param("unit", unitCode)
			.param("except", exceptDemand)
			.params(departmentId == null ? Map.of() : Map.of("department", departmentId))
			.query(Long.class)
			.single();
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
