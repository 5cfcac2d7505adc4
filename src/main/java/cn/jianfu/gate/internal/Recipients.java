package cn.jianfu.gate.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.jianfu.org.UnitLevel;

/**
 * Whom a demand addresses: explicit unit codes, or all units of a level under a unit
 * (resolved to codes when the demand is submitted).
 */
public record Recipients(List<String> unitCodes, @Nullable UnitLevel level, @Nullable String under) {

	public Recipients {
		unitCodes = List.copyOf(unitCodes);
	}

	public static Recipients explicit(List<String> codes) {
		return new Recipients(codes.stream().map(String::strip).distinct().toList(), null, null);
	}

	public static Recipients allOf(UnitLevel level, String under) {
		return new Recipients(List.of(), level, under);
	}

	public boolean byLevel() {
		return this.level != null && this.under != null;
	}

}
