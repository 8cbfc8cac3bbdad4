package org.d8a.queue;

/**
 * A publish cycle was refused because a node of a cluster could not count its messages in the shared database
 * ({@link DataClock}): its hits were not sent. The requests may be retried once the database answers again.
 */
public class CountsUnavailableException extends Exception {

    public CountsUnavailableException(Throwable cause) {
        super("the cluster's data-time counts cannot be written (is the database down?)", cause);
    }
}
