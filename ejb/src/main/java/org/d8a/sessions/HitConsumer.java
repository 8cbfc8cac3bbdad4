package org.d8a.sessions;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import org.d8a.hits.Hit;
import org.d8a.hits.HitCodec;

/**
 * Consumes the hits queue: each message is one partition's batch of hits, appended to proto-sessions in the message's
 * transaction. Artemis pins a message group (a partition) to one session at a time, so the hits of a client are
 * appended in order by one consumer; {@code maxSession} is the worker parallelism.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = HitsQueue.JNDI_NAME),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${d8a.queue.consumers:8}")
})
public class HitConsumer implements MessageListener {

    @Inject
    ProtoSessionAppender appender;

    @Inject
    DataClock dataClock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    public void onMessage(Message message) {
        List<Hit> hits;
        try {
            hits = HitCodec.decodeAll(((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read hits message", e);
        }
        long newest = appender.append(hits);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dataClock.processed(newest);
                }
            }
        });
    }
}
