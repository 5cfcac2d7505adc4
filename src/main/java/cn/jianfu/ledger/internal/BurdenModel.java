package cn.jianfu.ledger.internal;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.ledger.BurdenEstimator;
import cn.jianfu.ledger.Estimate;
import cn.jianfu.org.Unit;

/**
 * Chooses the estimator for a demand's kind: the first contributed
 * {@link BurdenEstimator} bean (in {@code @Order}) that supports the kind, otherwise the
 * ledger's {@link DefaultEstimator}; so a kind module's estimator always overrides the
 * default.
 */
@Component
class BurdenModel {

	private final List<BurdenEstimator> contributed;

	private final DefaultEstimator fallback = new DefaultEstimator();

	BurdenModel(ObjectProvider<BurdenEstimator> estimators) {
		this.contributed = estimators.orderedStream().toList();
	}

	Estimate estimate(DemandSnapshot demand, Unit recipient, RuleValues rules) {
		for (BurdenEstimator estimator : this.contributed) {
			if (estimator.supports(demand.kind())) {
				return estimator.estimate(demand, recipient, rules);
			}
		}
		return this.fallback.estimate(demand, recipient, rules);
	}

}
