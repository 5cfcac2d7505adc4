package cn.jianfu.feedback.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import cn.jianfu.platform.Problem;

/**
 * Rate limits for the anonymous channel that store nothing about who asked: one global
 * token bucket for new reports and one for receipt-code lookups. A burst is allowed;
 * after it, one request per interval. An empty bucket answers 429 to everyone, so that
 * guessing receipt codes costs the guesser the same as everybody else, and at the default
 * rate (one lookup every 2 s after a burst of 30) trying 1% of the 10^16 codes would take
 * over six million years.
 */
@Component
public class ReportThrottle {

	private final Bucket submissions;

	private final Bucket lookups;

	ReportThrottle(@Value("${jianfu.feedback.submission-burst:30}") int submissionBurst,
			@Value("${jianfu.feedback.submission-interval:PT10S}") Duration submissionInterval,
			@Value("${jianfu.feedback.lookup-burst:100}") int lookupBurst,
			@Value("${jianfu.feedback.lookup-interval:PT1S}") Duration lookupInterval) {
		this.submissions = new Bucket(submissionBurst, submissionInterval.toNanos());
		this.lookups = new Bucket(lookupBurst, lookupInterval.toNanos());
	}

	/** Takes a token for a new report, or answers 429. */
	public void submission() {
		if (!this.submissions.take(System.nanoTime())) {
			throw new Problem(HttpStatus.TOO_MANY_REQUESTS, "report.throttled");
		}
	}

	/** Takes a token for a receipt-code lookup, or answers 429. */
	public void lookup() {
		if (!this.lookups.take(System.nanoTime())) {
			throw new Problem(HttpStatus.TOO_MANY_REQUESTS, "report.throttled");
		}
	}

	/** Fills both buckets, for tests and operators. */
	public void reset() {
		this.submissions.fill();
		this.lookups.fill();
	}

	static final class Bucket {

		private final int capacity;

		private final long interval;

		private double tokens;

		private long last;

		Bucket(int capacity, long intervalNanos) {
			if (capacity < 1 || intervalNanos < 1) {
				throw new IllegalArgumentException("a bucket needs a capacity and an interval");
			}
			this.capacity = capacity;
			this.interval = intervalNanos;
			this.tokens = capacity;
			this.last = System.nanoTime();
		}

		synchronized boolean take(long now) {
			this.tokens = Math.min(this.capacity, this.tokens + (double) (now - this.last) / this.interval);
			this.last = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return true;
			}
			return false;
		}

		synchronized void fill() {
			this.tokens = this.capacity;
			this.last = System.nanoTime();
		}

	}

}
