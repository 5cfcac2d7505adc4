package cn.jianfu.org;

import java.io.Serializable;

/**
 * The subtree of the hierarchy an account may see: its unit and everything below it.
 * <p>
 * Every query over unit-owned data takes a scope and restricts itself with
 * {@link #pathPattern()} against the unit's path, so scope is enforced where data is read
 * and written, not only in controllers.
 */
public record Scope(String unitCode, String path) implements Serializable {

	public Scope {
		if (!path.startsWith("/") || !path.endsWith("/" + unitCode + "/")) {
			throw new IllegalArgumentException("scope path must end with its unit: " + path);
		}
	}

	public boolean includes(String unitPath) {
		return unitPath.startsWith(this.path);
	}

	/**
	 * A SQL LIKE pattern for the paths of all units in scope; paths contain only digits
	 * and slashes.
	 */
	public String pathPattern() {
		return this.path + "%";
	}

}
