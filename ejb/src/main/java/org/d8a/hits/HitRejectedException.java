package org.d8a.hits;

/**
 * A request whose hits cannot be accepted. The message is one line, safe to return to the client: it names what is
 * wrong with the request and never carries internal details.
 */
public class HitRejectedException extends Exception {

    public HitRejectedException(String message) {
        super(message);
    }
}
