package cn.jianfu.gate;

import java.util.stream.Stream;

/**
 * One rule the gate applies to every submitted demand, as a pure function of the demand
 * and a snapshot of its context. Modules contribute checks as Spring beans; the gate runs
 * them all and folds their findings into a verdict.
 * <p>
 * A check has a stable code (used in findings and in the API) and names the rule it
 * applies; its title, description and an example for the check catalogue page come from
 * the messages {@code check.<code>.title}, {@code check.<code>.description} and
 * {@code check.<code>.example}. Numbers come from the {@link Rulebook}, never from code.
 */
public interface GateCheck {

	String code();

	RuleRef rule();

	Stream<Finding> check(DemandSnapshot demand, GateContext context);

}
