package org.d8a.intake.ratelimit;

/**
 * How many requests one client address may send: {@code requestsPerSecond} on average, {@code burst} at once after a
 * quiet spell, with the buckets of at most {@code maxAddresses} addresses held at a time.
 */
public record RateLimit(int requestsPerSecond, int burst, int maxAddresses) {

    public RateLimit {
        if (requestsPerSecond <= 0 || burst <= 0 || maxAddresses <= 0) {
            throw new IllegalArgumentException("a rate limit needs a positive rate, burst and address count, got "
                    + requestsPerSecond + ", " + burst + ", " + maxAddresses);
        }
    }
}
