package org.d8a.intake;

/** Valid hits that could not be queued durably: the client gets no acknowledgement and may retry. */
public class HitsNotQueuedException extends Exception {

    private final boolean shuttingDown;

    HitsNotQueuedException(String message, Throwable cause, boolean shuttingDown) {
        super(message, cause);
        this.shuttingDown = shuttingDown;
    }

    /** The server is stopping; another node (or this one after its restart) can take the request. */
    public boolean shuttingDown() {
        return shuttingDown;
    }
}
