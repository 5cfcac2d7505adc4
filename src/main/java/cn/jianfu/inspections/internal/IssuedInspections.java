package cn.jianfu.inspections.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandIssued;
import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;

/**
 * Puts an issued on-site inspection on the township calendar on its date, so that its
 * visits count against the monthly cap and show in clusters, and the scheduler plans
 * around them.
 */
@Component
class IssuedInspections {

	private final VisitCalendar calendar;

	IssuedInspections(VisitCalendar calendar) {
		this.calendar = calendar;
	}

	@ApplicationModuleListener
	void on(DemandIssued event) {
		DemandSnapshot demand = event.demand();
		if (demand.kind() != DemandKind.INSPECTION || demand.dueDate() == null) {
			return;
		}
		InspectionDetails details = InspectionDetails.of(demand, demand.dueDate().getYear());
		if (!details.onSite()) {
			return;
		}
		this.calendar.enter(event.demandId(), demand.issuerUnitCode(), details.planItem(), demand.recipientUnitCodes(),
				demand.dueDate());
	}

}
