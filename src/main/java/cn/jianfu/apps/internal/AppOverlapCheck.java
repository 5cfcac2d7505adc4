package cn.jianfu.apps.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.Finding;
import cn.jianfu.gate.GateContext;
import cn.jianfu.gate.Severity;
import cn.jianfu.platform.Bilingual;

/**
 * Prune and merge grassroots-facing apps: a registered app that reaches the same
 * townships and shares at least the rulebook's number of functions is a merge proposal,
 * and registering another one needs a justification.
 */
@Component
class AppOverlapCheck extends AppCheck {

	static final String CODE = "app.overlap";

	static final String RULE = "app.overlap.min-shared-functions";

	private final AppRegistry registry;

	AppOverlapCheck(Bilingual messages, AppRegistry registry) {
		super(CODE, RULE, messages);
		this.registry = registry;
	}

	@Override
	Stream<Finding> inspect(DemandSnapshot demand, AppDetails app, GateContext context) {
		int min = context.rules().integer(RULE);
		if (app.functions().isEmpty()) {
			return Stream.empty();
		}
		List<AppRegistry.App> overlapping = this.registry
			.reaching(AppRegistry.townships(demand.recipientUnitCodes()), demand.id())
			.stream()
			.filter(other -> shared(app.functions(), other.functions()).size() >= min)
			.toList();
		if (overlapping.isEmpty()) {
			return Stream.empty();
		}
		AppRegistry.App first = overlapping.get(0);
		String evidence = "merge with " + overlapping.stream()
			.limit(5)
			.map(o -> "#" + o.demandId() + " " + o.name() + " (" + o.sponsorName() + ") shared="
					+ String.join(",", shared(app.functions(), o.functions())))
			.collect(Collectors.joining("; "));
		return Stream.of(finding(Severity.JUSTIFY, evidence, context, overlapping.size(), first.name(),
				first.sponsorName(), String.join("、", shared(app.functions(), first.functions()))));
	}

	static Set<String> shared(Set<String> a, Set<String> b) {
		Set<String> shared = new HashSet<>(a);
		shared.retainAll(b);
		return new java.util.TreeSet<>(shared);
	}

}
