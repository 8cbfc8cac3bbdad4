package org.d8a.intake.ratelimit;

/**
 * The limiter's answer to one request.
 *
 * @param admitted the request may go on
 * @param retryAfterSeconds when it was not admitted: the whole seconds until the address has a request again (at
 *     least 1, as {@code Retry-After} counts); {@code 0} when admitted
 */
public record Admission(boolean admitted, int retryAfterSeconds) {

    static final Admission ADMITTED = new Admission(true, 0);

    static Admission refusedFor(long waitNanos) {
        long seconds = (waitNanos + 999_999_999L) / 1_000_000_000L;
        return new Admission(false, (int) Math.max(1, Math.min(seconds, Integer.MAX_VALUE)));
    }
}
