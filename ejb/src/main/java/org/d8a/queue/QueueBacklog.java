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

    /** Messages in the hits queue, in delivery included. */
    public long messageCount() {
        try {
            Object count = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName(QUEUE_MBEAN), "messageCount");
            return ((Number) count).longValue();
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the message count of the hits queue (" + QUEUE_MBEAN + ")", e);
        }
    }
}
