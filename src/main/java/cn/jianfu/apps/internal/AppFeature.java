package cn.jianfu.apps.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an app or work group does to its users. The forbidden ones are those of
 * 国办函〔2026〕12号: forced check-in, points ranking, online-time statistics, forced install
 * or login, likes or study time as criteria, forced photo, video or track uploads. Data
 * collection is allowed only through the catalogue.
 */
public enum AppFeature {

	CHECK_IN(true), POINTS_RANKING(true), ONLINE_TIME(true), FORCED_INSTALL(true), STUDY_TIME_LIKES(true),
	FORCED_UPLOAD(true), DATA_COLLECTION(false);

	private final boolean forbidden;

	AppFeature(boolean forbidden) {
		this.forbidden = forbidden;
	}

	public boolean forbidden() {
		return this.forbidden;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public String messageKey() {
		return "apps.feature." + key();
	}

	public static Optional<AppFeature> ofKey(String key) {
		String k = key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values()).filter(f -> f.key().equals(k)).findFirst();
	}

	public static Set<AppFeature> parse(String list) {
		Set<AppFeature> set = new LinkedHashSet<>();
		for (String part : list.split(",")) {
			if (!part.isBlank()) {
				ofKey(part).ifPresent(set::add);
			}
		}
		return set;
	}

	public static String join(Set<AppFeature> features) {
		return String.join(",", features.stream().sorted().map(AppFeature::key).toList());
	}

}
