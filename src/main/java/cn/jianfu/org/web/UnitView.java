package cn.jianfu.org.web;

import org.jspecify.annotations.Nullable;

import cn.jianfu.org.Unit;

/**
 * A unit as the API shows it.
 */
record UnitView(String code, String name, int level, @Nullable String parentCode) {

	static UnitView of(Unit unit) {
		return new UnitView(unit.code(), unit.name(), unit.level().number(), unit.parentCode());
	}

}
