package cn.jianfu.ledger;

import cn.jianfu.gate.DemandKind;
import cn.jianfu.gate.DemandSnapshot;
import cn.jianfu.gate.RuleValues;
import cn.jianfu.org.Unit;

/**
 * Estimates how many person-hours one demand costs one recipient unit, and says how in
 * both languages, with every parameter taken from the rulebook or the demand's details.
 * <p>
 * The ledger has a default estimator for every kind. A kind's module may contribute a
 * more specific one as a bean: a contributed estimator that supports the kind always wins
 * over the default, and among several contributed ones the first in {@code @Order} wins.
 */
public interface BurdenEstimator {

	boolean supports(DemandKind kind);

	Estimate estimate(DemandSnapshot demand, Unit recipient, RuleValues rules);

}
