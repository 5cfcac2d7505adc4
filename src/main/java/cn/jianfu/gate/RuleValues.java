package cn.jianfu.gate;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rulebook as it applies to one unit: each rule's value, taken from the nearest
 * override on the unit's path to the root, or the default.
 */
public record RuleValues(String unitCode, Map<String, Value> values) {

	public RuleValues {
		values = Map.copyOf(values);
	}

	public Value get(String key) {
		Value value = this.values.get(key);
		if (value == null) {
			throw new IllegalArgumentException("no such rule: " + key);
		}
		return value;
	}

	public int integer(String key) {
		return new BigDecimal(get(key).value()).intValueExact();
	}

	public BigDecimal decimal(String key) {
		return new BigDecimal(get(key).value());
	}

	public boolean flag(String key) {
		return Boolean.parseBoolean(get(key).value());
	}

	public RuleRef source(String key) {
		return get(key).definition().source();
	}

	public Collection<Value> all() {
		return this.values.values();
	}

	/**
	 * A rule's value in force, and the unit whose override set it (null for the default).
	 */
	public record Value(RuleDefinition definition, String value, @Nullable String setAtUnit) {

		public boolean overridden() {
			return this.setAtUnit != null;
		}

	}

}
