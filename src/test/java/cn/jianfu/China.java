package cn.jianfu;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform counts days in China's time (deadlines, locks, quotas), so tests that
 * build dates relative to today must too: between 16:00 and 24:00 UTC the machine's own
 * date is a day behind.
 */
public final class China {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private China() {
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

}
