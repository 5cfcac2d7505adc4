package cn.jianfu.org;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An administrative unit (province, city, county, township or village) identified by its
 * statistical division code.
 */
public record Unit(String code, String name, UnitLevel level, @Nullable String parentCode, String path,
		@Nullable LocalDate openedOn, @Nullable LocalDate closedOn) {

	public boolean open(LocalDate on) {
		return (this.openedOn == null || !on.isBefore(this.openedOn))
				&& (this.closedOn == null || on.isBefore(this.closedOn));
	}

}
