package org.d8a.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Whether hits are waiting in (or being delivered from) the hits queue, and the queue paused or resumed. On the
 * embedded broker all of it comes from the server's management model, whose message count includes messages a consumer
 * holds but has not yet committed (what {@code jms-queue=hits:pause} does in the CLI). On a remote broker
 * (messaging-remote.cli, which leaves no {@code jms-queue=hits} here) the count is what a browser sees, and never 0
 * while a message this server sent waits to be consumed; pausing and paging are the broker's own to manage.
 */
@ApplicationScoped
public class QueueBacklog {

    private static final ObjectName QUEUE_MBEAN =
            name("jboss.as:subsystem=messaging-activemq,server=default,jms-queue=" + HitsQueue.NAME);
    /** The queue's core address, whose pages show that it pages (messaging.cli sets its limits). */
    private static final ObjectName ADDRESS_MBEAN =
            name("jboss.as:subsystem=messaging-activemq,server=default,core-address=jms.queue." + HitsQueue.NAME);

    @Inject
    DataClock dataClock;

    @Inject
    RemoteQueueBrowser remoteQueue;

    /** Whether the hits queue is on a remote broker: fixed by the server's configuration, so read once. */
    private volatile Boolean remote;

    /** Messages in the hits queue, in delivery included (on a remote broker: at least those, see above). */
    public long messageCount() {
        if (remote()) {
            return Math.max(remoteQueue.count(), dataClock.countedWaiting());
        }
        return ((Number) attribute(QUEUE_MBEAN, "messageCount")).longValue();
    }

    /** The queue's messages, pause and paging, for the health checks. */
    public QueueState state() {
        if (remote()) {
            return new QueueState(messageCount(), false, 0);
        }
        return new QueueState(messageCount(), (Boolean) attribute(QUEUE_MBEAN, "paused"),
                ((Number) attribute(ADDRESS_MBEAN, "numberOfPages")).longValue());
    }

    /** Whether the hits queue is on a remote broker, which this server cannot pause. */
    public boolean remote() {
        Boolean known = remote;
        if (known == null) {
            known = !ManagementFactory.getPlatformMBeanServer().isRegistered(QUEUE_MBEAN);
            remote = known;
        }
        return known;
    }

    /** Stops delivering the queue's messages to consumers; hits are still accepted and kept. */
    public void pause() {
        operation("pause");
    }

    /** Delivers the queue's messages again. */
    public void resume() {
        operation("resume");
    }

    private void operation(String name) {
        if (remote()) {
            throw new IllegalStateException("the hits queue is on a remote broker: " + name + " it there");
        }
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(QUEUE_MBEAN, name, new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException("cannot " + name + " the hits queue (" + QUEUE_MBEAN + ")", e);
        }
    }

    private static Object attribute(ObjectName mbean, String name) {
        try {
            return ManagementFactory.getPlatformMBeanServer().getAttribute(mbean, name);
        } catch (JMException e) {
            throw new IllegalStateException("cannot read " + name + " of the hits queue (" + mbean + ")", e);
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
