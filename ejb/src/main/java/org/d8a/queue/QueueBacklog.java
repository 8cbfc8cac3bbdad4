package org.d8a.queue;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Whether hits are waiting in (or being delivered from) the hits queue, read from the server's management model,
 * whose message count includes messages a consumer holds but has not yet committed; and the queue paused or resumed
 * through the same model (what {@code jms-queue=hits:pause} does in the CLI).
 */
@ApplicationScoped
public class QueueBacklog {

    private static final String QUEUE_MBEAN =
            "jboss.as:subsystem=messaging-activemq,server=default,jms-queue=" + HitsQueue.NAME;
    /** The queue's core address, whose pages show that it pages (messaging.cli sets its limits). */
    private static final String ADDRESS_MBEAN =
            "jboss.as:subsystem=messaging-activemq,server=default,core-address=jms.queue." + HitsQueue.NAME;

    /** Messages in the hits queue, in delivery included. */
    public long messageCount() {
        return ((Number) attribute(QUEUE_MBEAN, "messageCount")).longValue();
    }

    /** The queue's messages, pause and paging, for the health checks. */
    public QueueState state() {
        return new QueueState(messageCount(), (Boolean) attribute(QUEUE_MBEAN, "paused"),
                ((Number) attribute(ADDRESS_MBEAN, "numberOfPages")).longValue());
    }

    /** Stops delivering the queue's messages to consumers; hits are still accepted and kept. */
    public void pause() {
        operation("pause");
    }

    /** Delivers the queue's messages again. */
    public void resume() {
        operation("resume");
    }

    private static void operation(String name) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(QUEUE_MBEAN), name, new Object[0],
                    new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException("cannot " + name + " the hits queue (" + QUEUE_MBEAN + ")", e);
        }
    }

    private static Object attribute(String mbean, String name) {
        try {
            return ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(mbean), name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot read " + name + " of the hits queue (" + mbean + ")", e);
        }
    }
}
