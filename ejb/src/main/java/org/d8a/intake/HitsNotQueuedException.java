package org.d8a.intake;

/** Valid hits that could not be queued durably: the client gets no acknowledgement and may retry. */
public class HitsNotQueuedException extends Exception {

    private final boolean unavailable;

    HitsNotQueuedException(String message, Throwable cause, boolean unavailable) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    /**
     * The server cannot take hits for now, for a reason already reported (it is stopping, its raw log cannot be
     * written, its broker is unreachable or blocks producers): the client may retry later, or elsewhere. The message
     * says why, for the client.
     */
    public boolean unavailable() {
        return unavailable;
    }
}
