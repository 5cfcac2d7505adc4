package cn.jianfu.gate.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateCheck;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Rulebook;
import cn.jianfu.gate.Severity;
import cn.jianfu.org.OrgChart;
import cn.jianfu.org.Role;
import cn.jianfu.org.Unit;
import cn.jianfu.org.Viewer;
import cn.jianfu.platform.Problem;
import cn.jianfu.platform.WorkingCalendar;

/**
 * The burden-reduction office at the gate (减负办): runs every {@link GateCheck} bean on a
 * submitted demand against one snapshot of its context, folds the findings into a
 * verdict, and approves or rejects demands whose findings were justified.
 */
@Component
public class Gatekeeper {

	private final List<GateCheck> checks;

	private final DemandDesk desk;

	private final Demands demands;

	private final OrgChart orgChart;

	private final Rulebook rulebook;

	private final WorkingCalendar calendar;

	private final Clock clock;

	Gatekeeper(List<GateCheck> checks, DemandDesk desk, Demands demands, OrgChart orgChart, Rulebook rulebook,
			WorkingCalendar calendar, Clock clock) {
		this.checks = checks.stream().sorted(Comparator.comparing(GateCheck::code)).toList();
		this.desk = desk;
		this.demands = demands;
		this.orgChart = orgChart;
		this.rulebook = rulebook;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** Every check the gate runs, by code. */
	public List<GateCheck> checks() {
		return this.checks;
	}

	/**
	 * Submits the viewer's own draft or returned demand: resolves its recipients, runs
	 * every check and stores the findings and the verdict.
	 */
	@Transactional
	public Verdict submit(Viewer viewer, DemandId id, @Nullable Integer version) {
		return submit(viewer, id, version, this.clock.instant());
	}

	/**
	 * Submits as of the given instant: the checks see that instant's date as today (see
	 * {@link cn.jianfu.gate.DemandSteps}).
	 */
	@Transactional
	public Verdict submit(Viewer viewer, DemandId id, @Nullable Integer version, Instant now) {
		Demand demand = this.desk.own(viewer, id, version);
		List<Unit> recipients = this.desk.resolve(viewer.scope(), demand.content().recipients());
		DemandDesk.transition(() -> demand.submit(recipients.stream().map(Unit::code).toList(), now));
		Unit issuerUnit = this.orgChart.require(viewer.scope(), demand.issuer().unitCode());
		Optional<DemandSnapshot> parent = Optional.ofNullable(demand.content().parentId())
			.flatMap(p -> this.demands.find(new DemandId(p)))
			.map(Demand::snapshot);
		GateContext context = new GateContext(LocalDate.ofInstant(now, Demands.CHINA),
				this.rulebook.forUnit(issuerUnit), this.calendar, recipients, parent, this.demands);
		DemandSnapshot snapshot = demand.snapshot();
		List<Finding> findings = this.checks.stream().flatMap(c -> c.check(snapshot, context)).toList();
		Severity verdict = demand.decide(findings);
		this.demands.replaceRecipients(id.value(), demand.recipientCodes());
		this.desk.save(viewer, demand, "demand.submitted", "verdict " + verdict + "; " + findings.size() + " findings");
		this.demands.recordSubmission(demand, viewer.username(), now);
		return new Verdict(verdict, demand.status(), demand.version(), findings);
	}

	/** Approves a justified demand in the gatekeeper's jurisdiction. */
	@Transactional
	public void approve(Viewer viewer, DemandId id, @Nullable Integer version, @Nullable String reason) {
		approve(viewer, id, version, reason, this.clock.instant());
	}

	@Transactional
	public void approve(Viewer viewer, DemandId id, @Nullable Integer version, @Nullable String reason, Instant at) {
		Demand demand = inJurisdiction(viewer, id, version);
		DemandDesk.transition(() -> demand.approve(viewer.username(), reason, at));
		this.desk.save(viewer, demand, "demand.approved", reason == null ? "" : reason);
	}

	/**
	 * Rejects a justified demand in the gatekeeper's jurisdiction; a reason is required.
	 */
	@Transactional
	public void reject(Viewer viewer, DemandId id, @Nullable Integer version, @Nullable String reason) {
		reject(viewer, id, version, reason, this.clock.instant());
	}

	@Transactional
	public void reject(Viewer viewer, DemandId id, @Nullable Integer version, @Nullable String reason, Instant at) {
		Demand demand = inJurisdiction(viewer, id, version);
		DemandDesk.transition(() -> demand.reject(viewer.username(), reason == null ? "" : reason, at));
		this.desk.save(viewer, demand, "demand.rejected", reason == null ? "" : reason);
	}

	public boolean mayDecide(Viewer viewer, Demand demand) {
		return viewer.has(Role.GATEKEEPER) && viewer.scope().includes(demand.issuer().unitPath());
	}

	private Demand inJurisdiction(Viewer viewer, DemandId id, @Nullable Integer version) {
		Demand demand = this.desk.view(viewer, id);
		if (!mayDecide(viewer, demand)) {
			throw new Problem(HttpStatus.FORBIDDEN, "demand.not-gatekeeper");
		}
		DemandDesk.requireVersion(demand, version);
		return demand;
	}

	/**
	 * The outcome of a submission: the worst severity, the demand's new status and
	 * version, and every finding.
	 */
	public record Verdict(Severity verdict, DemandStatus status, int version, List<Finding> findings) {
	}

}
