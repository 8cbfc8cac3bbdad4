package org.d8a.protosessions.join;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.List;
import org.d8a.hits.Hit;
import org.d8a.queue.HitMessages;
import org.d8a.queue.HitsQueue;
import org.d8a.queue.QueuedMessages;

/**
 * Sends hits that joined another client's proto-session to that client's partition (architecture decision 5), so
 * that every proto-session is still appended to by one consumer only. The send joins the caller's transaction: the
 * hits are either re-queued and forgotten here, or neither.
 */
@ApplicationScoped
public class EvictedHitPublisher {

    @Inject
    JMSContext jms;

    @Resource(lookup = HitsQueue.JNDI_NAME)
    Queue queue;

    @Inject
    QueuedMessages queuedMessages;

    public void publish(String partition, List<Hit> hits) {
        queuedMessages.count(partition);
        TextMessage message;
        try {
            message = HitMessages.create(jms::createTextMessage, partition, hits);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot address evicted hits to partition " + partition, e);
        }
        jms.createProducer().send(queue, message);
    }
}
