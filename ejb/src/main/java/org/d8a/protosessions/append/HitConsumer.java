package org.d8a.protosessions.append;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.hits.Hit;
import org.d8a.queue.DataClock;
import org.d8a.queue.HitMessages;
import org.d8a.queue.HitsQueue;

/**
 * Consumes the hits queue: each message is one partition's batch of hits, appended to proto-sessions in one database
 * transaction. Artemis pins a message group (a partition) to one session at a time, so the hits of a client are
 * appended in order by one consumer; {@code maxSession} is the worker parallelism.
 *
 * <p>The message is acknowledged after the database commit rather than in an XA transaction with it. A crash between
 * the two redelivers the message and the appender skips the hits it already stored, so every hit is still stored
 * once, without the XA round trips and transaction-log writes that dominated the cost of a message.</p>
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = HitsQueue.JNDI_NAME),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${d8a.queue.consumers:8}")
})
@TransactionManagement(TransactionManagementType.BEAN)
public class HitConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(HitConsumer.class.getName());

    @Inject
    ProtoSessionAppender appender;

    @Inject
    DataClock dataClock;

    @Resource
    UserTransaction transaction;

    @Override
    public void onMessage(Message message) {
        try {
            List<Hit> hits = HitMessages.hitsOf(message);
            String partition = HitMessages.partitionOf(message);
            transaction.begin();
            long newest = appender.append(hits);
            transaction.commit();
            dataClock.processed(partition, newest);
        } catch (JMSException | RuntimeException | jakarta.transaction.NotSupportedException
                 | jakarta.transaction.RollbackException | jakarta.transaction.HeuristicMixedException
                 | jakarta.transaction.HeuristicRollbackException | SystemException e) {
            rollback();
            // Thrown back to the resource adapter, which redelivers the message after the queue's redelivery delay.
            throw new IllegalStateException("appending hits failed; the message will be redelivered", e);
        }
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | IllegalStateException | SecurityException e) {
            LOG.log(Level.FINE, "rolling back the append failed", e);
        }
    }
}
