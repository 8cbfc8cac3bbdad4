package org.d8a.intake.ratelimit;

/**
 * The requests one address has left: a bucket of up to {@code burst} tokens refilled at the rate, one token per
 * request. It is kept as one instant, the time at which the bucket would be full again (each admitted request pushes
 * it one interval later), in whole nanoseconds so that no rounding loses or adds a token; no timer refills it. Not
 * thread-safe: {@link AddressBuckets} guards it.
 */
final class TokenBucket {

    private long fullAtNanos;

    TokenBucket(long nowNanos) {
        this.fullAtNanos = nowNanos;
    }

    /**
     * Takes a token at {@code nowNanos}.
     *
     * @return {@code 0} when one was taken, else the nanoseconds until the next token
     */
    long take(long nowNanos, RateLimit limit) {
        long interval = 1_000_000_000L / limit.requestsPerSecond();
        long full = Math.max(fullAtNanos, nowNanos);
        // the bucket holds burst tokens when full; one more request must leave it at least one interval from empty
        long wait = full + interval - nowNanos - (long) limit.burst() * interval;
        if (wait > 0) {
            return wait;
        }
        fullAtNanos = full + interval;
        return 0;
    }

    /** Full again at {@code nowNanos}: holding it any longer would change nothing a new bucket would not do. */
    boolean fullAt(long nowNanos) {
        return fullAtNanos <= nowNanos;
    }
}
