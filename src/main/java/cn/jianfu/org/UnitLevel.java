package cn.jianfu.org;

import java.util.Arrays;

/**
 * The five levels of the administrative hierarchy, and how each shows in a 12-digit
 * statistical division code (统计用区划代码): province {@code PP0000000000}, city
 * {@code PPCC00000000}, county {@code PPCCDD000000}, township {@code PPCCDDTTT000},
 * village {@code PPCCDDTTTVVV}.
 */
public enum UnitLevel {

	PROVINCE(1, 2), CITY(2, 4), COUNTY(3, 6), TOWNSHIP(4, 9), VILLAGE(5, 12);

	private final int number;

	private final int significantDigits;

	UnitLevel(int number, int significantDigits) {
		this.number = number;
		this.significantDigits = significantDigits;
	}

	public int number() {
		return this.number;
	}

	public static UnitLevel of(int number) {
		return Arrays.stream(values())
			.filter(l -> l.number == number)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("level must be 1 to 5: " + number));
	}

	/**
	 * The level a well-formed code has: the shortest prefix after which only zeros
	 * follow.
	 */
	public static UnitLevel ofCode(String code) {
		if (!isCode(code)) {
			throw new IllegalArgumentException("not a 12-digit division code: " + code);
		}
		for (UnitLevel level : values()) {
			if (code.substring(level.significantDigits).chars().allMatch(c -> c == '0')) {
				return level;
			}
		}
		throw new IllegalStateException("unreachable");
	}

	public static boolean isCode(String code) {
		return code.length() == 12 && code.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	/**
	 * The code of the unit at this level that contains {@code code}: its prefix padded
	 * with zeros.
	 */
	public String truncate(String code) {
		return code.substring(0, this.significantDigits) + "0".repeat(12 - this.significantDigits);
	}

	public UnitLevel parent() {
		if (this == PROVINCE) {
			throw new IllegalStateException("a province has no parent level");
		}
		return values()[ordinal() - 1];
	}

	public String messageKey() {
		return "unit.level." + this.number;
	}

}
