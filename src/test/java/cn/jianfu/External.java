package cn.jianfu;

/**
 * Whether tests that need something outside the JVM (PostgreSQL, Chromium) must run: true
 * in CI, where {@code .ci/run} installs them, so that a missing service fails the build
 * instead of skipping silently.
 */
public final class External {

	private External() {
	}

	public static boolean required() {
		return Boolean.parseBoolean(System.getProperty("jianfu.require-external"))
				|| Boolean.parseBoolean(System.getenv("JIANFU_REQUIRE_EXTERNAL"));
	}

}
