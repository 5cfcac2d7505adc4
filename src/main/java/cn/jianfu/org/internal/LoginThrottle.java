package cn.jianfu.org.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Locks a user name after repeated failed sign-ins (OWASP ASVS 2.2.1): after
 * {@code jianfu.security.max-failures} failures (default 5) within the lock period,
 * sign-in under that name is refused until the period
 * ({@code jianfu.security.lock-period}, default 15 minutes) has passed, whether or not
 * the password is right.
 * <p>
 * Counts are kept in memory per user name, also for names that do not exist (so that the
 * answer does not reveal which do); a restart clears them. The map is bounded: when full,
 * expired entries are dropped, and if none are, the oldest half.
 */
@Component
public class LoginThrottle {

	static final int MAX_TRACKED = 100_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final int maxFailures;

	private final Duration lockPeriod;

	private final Clock clock;

	LoginThrottle(@Value("${jianfu.security.max-failures:5}") int maxFailures,
			@Value("${jianfu.security.lock-period:15m}") Duration lockPeriod, Clock clock) {
		this.maxFailures = maxFailures;
		this.lockPeriod = lockPeriod;
		this.clock = clock;
	}

	public boolean locked(String username) {
		Failures f = this.failures.get(key(username));
		return f != null && f.count >= this.maxFailures && this.clock.instant().isBefore(f.last.plus(this.lockPeriod));
	}

	/**
	 * Records a failure and tells whether this failure locked the name.
	 */
	boolean failed(String username) {
		Instant now = this.clock.instant();
		if (this.failures.size() >= MAX_TRACKED) {
			prune(now);
		}
		Failures updated = this.failures.compute(key(username), (k, f) -> {
			if (f == null || !now.isBefore(f.last.plus(this.lockPeriod))) {
				return new Failures(1, now);
			}
			return new Failures(f.count + 1, now);
		});
		return updated.count == this.maxFailures;
	}

	void succeeded(String username) {
		this.failures.remove(key(username));
	}

	private void prune(Instant now) {
		this.failures.entrySet().removeIf(e -> !now.isBefore(e.getValue().last.plus(this.lockPeriod)));
		if (this.failures.size() >= MAX_TRACKED) {
			Instant median = this.failures.values()
				.stream()
				.map(f -> f.last)
				.sorted()
				.skip(MAX_TRACKED / 2)
				.findFirst()
				.orElse(now);
			this.failures.entrySet().removeIf(e -> e.getValue().last.isBefore(median));
		}
	}

	private static String key(String username) {
		return username.trim().toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, Instant last) {
	}

}
