package org.d8a.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.Enumeration;

/**
 * Counts the messages of the hits queue on a remote broker by browsing it: a remote broker's management model is not
 * this server's, and its management messages need the broker's own client classes. A browser sees the messages that
 * wait, not those a consumer holds uncommitted; {@link QueueBacklog} adds what this server counted itself.
 */
@ApplicationScoped
public class RemoteQueueBrowser {

    /** Counting stops here: enough to tell a backlog, cheap enough to do every second. */
    static final int LIMIT = 10_000;

    @Resource(lookup = HitsQueue.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = HitsQueue.JNDI_NAME)
    Queue queue;

    /** The messages waiting in the queue, up to {@link #LIMIT}. */
    public long count() {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(queue)) {
                Enumeration<?> messages = browser.getEnumeration();
                long count = 0;
                while (count < LIMIT && messages.hasMoreElements()) {
                    messages.nextElement();
                    count++;
                }
                return count;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the hits queue on the remote broker: " + e.getMessage(), e);
        }
    }
}
