package org.d8a.queue;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Whether hits are waiting in (or being delivered from) the hits queue, read from the server's management model,
 * whose message count includes messages a consumer holds but has not yet committed.
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

    private static Object attribute(String mbean, String name) {
        try {
            return ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName(mbean), name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot read " + name + " of the hits queue (" + mbean + ")", e);
        }
    }
}
