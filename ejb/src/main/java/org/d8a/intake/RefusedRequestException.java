package org.d8a.intake;

/** A collect request none of whose hits is kept, with the one-line reason the client is told. */
public class RefusedRequestException extends Exception {

    private final boolean tooLarge;
    private final int retryAfterSeconds;

    RefusedRequestException(String reason, boolean tooLarge) {
        this(reason, tooLarge, 0);
    }

    private RefusedRequestException(String reason, boolean tooLarge, int retryAfterSeconds) {
        super(reason.replace('\n', ' ').replace('\r', ' '));
        this.tooLarge = tooLarge;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A request over its client address' rate limit, which may be sent again in {@code retryAfterSeconds}. */
    static RefusedRequestException rateLimited(String reason, int retryAfterSeconds) {
        return new RefusedRequestException(reason, false, retryAfterSeconds);
    }

    /** The body exceeds {@link HitIntake#MAX_BODY_BYTES} or {@code receiver.max_body_lines}; otherwise a hit is invalid. */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** The client address sent too many requests: nothing of the request was parsed. */
    public boolean rateLimited() {
        return retryAfterSeconds > 0;
    }

    /** When {@link #rateLimited()}: the seconds after which the address may send again; else {@code 0}. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
