package cn.jianfu.gate;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One rule of the rulebook: its key, the type and range of its value, the default from
 * the central rules, its unit, the document and article it comes from, and what it means
 * in Chinese and English.
 */
public record RuleDefinition(String key, Type type, String defaultValue, @Nullable BigDecimal min,
		@Nullable BigDecimal max, String unit, RuleRef source, String descriptionZh, String descriptionEn) {

	/**
	 * Whether a value is valid for this rule; the reason is a message key suffix when it
	 * is not.
	 */
	public @Nullable String invalid(String value) {
		switch (this.type) {
			case FLAG -> {
				return value.equals("true") || value.equals("false") ? null : "flag";
			}
			case INTEGER, DECIMAL -> {
				BigDecimal number;
				try {
					number = new BigDecimal(value);
				}
				catch (NumberFormatException ex) {
					return "number";
				}
				if (this.type == Type.INTEGER && number.stripTrailingZeros().scale() > 0) {
					return "integer";
				}
				if ((this.min != null && number.compareTo(this.min) < 0)
						|| (this.max != null && number.compareTo(this.max) > 0)) {
					return "range";
				}
				return null;
			}
			default -> throw new IllegalStateException();
		}
	}

	/** How a rule's value is read. */
	public enum Type {

		INTEGER, DECIMAL, FLAG

	}

}
