package org.d8a.intake;

/** A collect request none of whose hits is kept, with the one-line reason the client is told. */
public class RefusedRequestException extends Exception {

    private final boolean tooLarge;

    RefusedRequestException(String reason, boolean tooLarge) {
        super(reason.replace('\n', ' ').replace('\r', ' '));
        this.tooLarge = tooLarge;
    }

    /** The body exceeds {@link HitIntake#MAX_BODY_BYTES}; otherwise a hit is invalid. */
    public boolean tooLarge() {
        return tooLarge;
    }
}
