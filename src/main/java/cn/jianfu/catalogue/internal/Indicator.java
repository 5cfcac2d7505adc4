package cn.jianfu.catalogue.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One indicator of the catalogue: what a figure means, how it is measured, added up and
 * how often it is reported, who owns it and under which rule.
 *
 * @param code stable code, such as {@code MZ-0001}
 * @param unitOfMeasure 人, 户, 万元, % …
 * @param disaggregation optional breakdown, such as 性别 or 年龄段
 */
public record Indicator(String code, String name, @Nullable String definition, @Nullable String unitOfMeasure,
		ValueType valueType, Aggregation aggregation, PeriodType periodType, @Nullable String ownerDepartment,
		@Nullable String legalBasis, @Nullable String disaggregation, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo) {

	/** Longest code accepted. */
	public static final int CODE_LENGTH = 40;

	/** Longest name accepted. */
	public static final int NAME_LENGTH = 200;

	/** What a value of an indicator is. */
	public enum ValueType {

		INTEGER, DECIMAL, PERCENT, TEXT, YES_NO;

		public String messageKey() {
			return "catalogue.value-type." + name();
		}

	}

	/** How values add up the hierarchy. */
	public enum Aggregation {

		SUM, AVERAGE, NONE;

		public String messageKey() {
			return "catalogue.aggregation." + name();
		}

	}

	/** How often an indicator is reported. */
	public enum PeriodType {

		MONTH, QUARTER, YEAR, ONCE;

		public String messageKey() {
			return "catalogue.period-type." + name();
		}

		/** Whether a period label such as 2026, 2026Q3 or 2026-11 fits this type. */
		public boolean accepts(String period) {
			return switch (this) {
				case MONTH -> period.matches("\\d{4}-(0[1-9]|1[0-2])");
				case QUARTER -> period.matches("\\d{4}Q[1-4]");
				case YEAR -> period.matches("\\d{4}");
				case ONCE -> period.equals("ONCE");
			};
		}

	}

}
