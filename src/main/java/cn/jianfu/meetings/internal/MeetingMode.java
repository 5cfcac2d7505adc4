package cn.jianfu.meetings.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How a meeting is held: in a hall, by video, or both (a main venue with video branch
 * venues). The value written to a demand's details is the lower-case hyphenated name.
 */
public enum MeetingMode {

	IN_PERSON, VIDEO, BOTH;

	public String detail() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String messageKey() {
		return "meeting.mode." + detail();
	}

	/** Video or both: the meeting counts towards the video share. */
	public boolean byVideo() {
		return this != IN_PERSON;
	}

	public static @Nullable MeetingMode parse(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String normal = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		for (MeetingMode mode : values()) {
			if (mode.name().equals(normal)) {
				return mode;
			}
		}
		return null;
	}

}
