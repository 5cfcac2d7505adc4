package cn.jianfu.meetings.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The role in which someone attended: principal leader, deputy leader or staff.
 */
public enum AttendeeRole {

	PRINCIPAL, DEPUTY, STAFF;

	public String messageKey() {
		return "meeting.role." + name().toLowerCase(Locale.ROOT);
	}

	public static @Nullable AttendeeRole parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String normal = text.strip().toUpperCase(Locale.ROOT);
		for (AttendeeRole role : values()) {
			if (role.name().equals(normal)) {
				return role;
			}
		}
		return null;
	}

}
