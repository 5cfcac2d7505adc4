package cn.jianfu.meetings.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Who convenes a meeting: the principal leader or a deputy leader.
 */
public enum Convener {

	PRINCIPAL, DEPUTY;

	public String detail() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "meeting.convener." + detail();
	}

	public static @Nullable Convener parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String normal = text.strip().toUpperCase(Locale.ROOT);
		for (Convener convener : values()) {
			if (convener.name().equals(normal)) {
				return convener;
			}
		}
		return null;
	}

}
