package org.d8a.metrics;

/** Why a collect request was refused, as the {@code reason} label of {@code d8a_requests_rejected_total}. */
public enum RejectReason {
    /** 400: a hit or the request is invalid (the answer's one-line reason says which rule). */
    INVALID("invalid"),
    /** 413: the body is over the size or line limit. */
    TOO_LARGE("too_large"),
    /** 429: the client address is over {@code receiver.rate_limit}; nothing of the request was parsed. */
    RATE_LIMITED("rate_limited"),
    /** 503: the hits could not be queued now; the client retries. */
    UNAVAILABLE("unavailable"),
    /** 500: an unexpected error. */
    ERROR("error");

    private final String label;

    RejectReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
