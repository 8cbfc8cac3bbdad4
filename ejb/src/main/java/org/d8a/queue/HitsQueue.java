package org.d8a.queue;

/** Names shared by the receiver that publishes hits and the consumer that appends them to proto-sessions. */
public final class HitsQueue {

    /** JNDI name of the hits queue (defined by standalone-config/scripts/messaging.cli). */
    public static final String JNDI_NAME = "java:/jms/queue/hits";
    /** Name of the queue in the server's messaging model. */
    public static final String NAME = "hits";

    private HitsQueue() {
    }
}
