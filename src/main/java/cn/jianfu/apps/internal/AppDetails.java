package cn.jianfu.apps.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import cn.jianfu.gate.DemandSnapshot;

/**
 * The flat values an app registration carries in the gate's {@code details}.
 */
public record AppDetails(String name, AppForm form, Set<AppFeature> features, Set<String> functions, int usersPerUnit,
		int minutesPerDay, @Nullable String complaintUrl, @Nullable String registrationNumber) {

	static final String NAME = "app.name";

	static final String FORM = "app.form";

	static final String FEATURES = "app.features";

	static final String FUNCTIONS = "app.functions";

	static final String USERS = "app.users-per-unit";

	static final String MINUTES = "app.minutes-per-day";

	static final String COMPLAINT = "app.complaint-url";

	static final String NUMBER = "app.registration-number";

	public AppDetails {
		features = Set.copyOf(features);
		functions = Set.copyOf(functions);
	}

	public static AppDetails of(DemandSnapshot demand) {
		Map<String, String> d = demand.details();
		AppForm form;
		try {
			form = AppForm.valueOf(d.getOrDefault(FORM, "APP").strip());
		}
		catch (IllegalArgumentException ex) {
			form = AppForm.APP;
		}
		return new AppDetails(d.getOrDefault(NAME, demand.title()), form,
				AppFeature.parse(d.getOrDefault(FEATURES, "")), functions(d.getOrDefault(FUNCTIONS, "")),
				number(d.get(USERS), 1), number(d.get(MINUTES), -1), blankToNull(d.get(COMPLAINT)),
				blankToNull(d.get(NUMBER)));
	}

	public Map<String, String> toDetails() {
		Map<String, String> d = new LinkedHashMap<>();
		d.put(NAME, this.name);
		d.put(FORM, this.form.name());
		d.put(FEATURES, AppFeature.join(this.features));
		d.put(FUNCTIONS, String.join(",", new TreeSet<>(this.functions)));
		d.put(USERS, String.valueOf(this.usersPerUnit));
		d.put(MINUTES, String.valueOf(this.minutesPerDay));
		if (this.complaintUrl != null) {
			d.put(COMPLAINT, this.complaintUrl);
		}
		if (this.registrationNumber != null) {
			d.put(NUMBER, this.registrationNumber);
		}
		return d;
	}

	/** Functions (功能) as tags, normalised to lower case without surrounding blanks. */
	public static Set<String> functions(String text) {
		Set<String> set = new TreeSet<>();
		Arrays.stream(text.split("[,，、;；]+"))
			.map(s -> s.strip().toLowerCase(Locale.ROOT))
			.filter(s -> !s.isEmpty())
			.forEach(set::add);
		return set;
	}

	private static int number(@Nullable String text, int fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return Math.max(0, Integer.parseInt(text.strip()));
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
