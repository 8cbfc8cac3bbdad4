package org.d8a.queue;

/**
 * The broker blocks producers (its disk is beyond its limit, or an address that blocks is full): the hits were refused
 * at once rather than held until it lets producers on again. The requests may be retried later.
 */
public class QueueBlockedException extends Exception {

    public QueueBlockedException() {
        super("the hits queue is blocked");
    }
}
