package org.d8a.queue;

/** Names shared by the receiver that publishes hits and the consumer that appends them to proto-sessions. */
public final class HitsQueue {

    /** JNDI name of the hits queue (defined by standalone-config/scripts/messaging.cli). */
    public static final String JNDI_NAME = "java:/jms/queue/hits";
    /**
     * JNDI name of the connection factory the receiver publishes hits with and the consumers take them with, on
     * sessions they commit themselves (no JTA): the embedded broker's in-VM factory (messaging.cli), or a pooled factory
     * for a remote broker (messaging-remote.cli).
     */
    public static final String CONNECTION_FACTORY = "java:/jms/d8a/hits-connection-factory";
    /** Name of the queue in the server's messaging model. */
    public static final String NAME = "hits";

    private HitsQueue() {
    }
}
