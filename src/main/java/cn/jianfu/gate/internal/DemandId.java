package cn.jianfu.gate.internal;

/**
 * A demand's identifier.
 */
public record DemandId(long value) {

	@Override
	public String toString() {
		return Long.toString(this.value);
	}

}
