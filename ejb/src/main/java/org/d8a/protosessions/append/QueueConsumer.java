package org.d8a.protosessions.append;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.hits.Hit;
import org.d8a.queue.DataClock;
import org.d8a.queue.HitMessages;

/**
 * One consumer of the hits queue: takes a message, then every further message it already holds (up to
 * {@link #MAX_MESSAGES} or {@link #MAX_HITS}), appends all their hits in one database transaction and, once that has
 * committed, acknowledges the messages by committing its JMS session. A crash between the two commits redelivers the
 * messages and the appender skips the hits it already stored, so every hit is stored once, without XA.
 *
 * <p>When a batch fails (a claim taken by another partition's consumer at the same moment, a message that cannot be
 * read), the session rolls back and Artemis redelivers its messages after the queue's redelivery delay; the consumer
 * then takes them one message per transaction, so a message that keeps failing fails alone and only it reaches the
 * dead-letter queue after {@code max-delivery-attempts}.</p>
 */
final class QueueConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(QueueConsumer.class.getName());
    /** Bounds of one transaction: enough to amortise its commit, small enough to keep its rows and locks short. */
    static final int MAX_MESSAGES = 200;
    static final int MAX_HITS = 2000;
    private static final long RECEIVE_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 1000;
    private static final long MAX_RECONNECT_MILLIS = 8000;

    private final ConnectionFactory connectionFactory;
    private final Queue queue;
    private final UserTransaction transaction;
    private final ProtoSessionAppender appender;
    private final DataClock dataClock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Messages to take one per transaction after a failed batch: those the failed batch held. */
    private int singly;

    QueueConsumer(ConnectionFactory connectionFactory, Queue queue, UserTransaction transaction,
            ProtoSessionAppender appender, DataClock dataClock) {
        this.connectionFactory = connectionFactory;
        this.queue = queue;
        this.transaction = transaction;
        this.appender = appender;
        this.dataClock = dataClock;
    }

    void stop() {
        stopped.countDown();
    }

    private boolean running() {
        return stopped.getCount() > 0;
    }

    @Override
    public void run() {
        long reconnectMillis = RECONNECT_MILLIS;
        boolean failing = false;
        while (running()) {
            try (Connection connection = connectionFactory.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(queue);
                connection.start();
                if (failing) {
                    LOG.info("the hits queue consumer is connected again");
                    failing = false;
                    reconnectMillis = RECONNECT_MILLIS;
                }
                while (running()) {
                    List<Message> batch = receive(consumer);
                    if (!batch.isEmpty()) {
                        consume(session, batch);
                    }
                }
            } catch (JMSException | RuntimeException e) {
                if (running()) {
                    // A broker that is down (a remote one restarting) fails every attempt: one warning per outage,
                    // and attempts further apart the longer it lasts, up to MAX_RECONNECT_MILLIS.
                    LOG.log(failing ? Level.FINE : Level.WARNING,
                            "the hits queue consumer lost its session; reconnecting", e);
                    failing = true;
                    awaitStop(reconnectMillis);
                    reconnectMillis = Math.min(MAX_RECONNECT_MILLIS, reconnectMillis * 2);
                }
            }
        }
    }

    private List<Message> receive(MessageConsumer consumer) throws JMSException {
        Message first = consumer.receive(RECEIVE_MILLIS);
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>();
        batch.add(first);
        if (singly > 0) {
            singly--;
            return batch;
        }
        while (batch.size() < MAX_MESSAGES) {
            Message next = consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void consume(Session session, List<Message> batch) throws JMSException {
        List<Hit> hits = new ArrayList<>();
        List<String> partitions = new ArrayList<>(batch.size());
        List<Long> newest = new ArrayList<>(batch.size());
        long retryMillis = RECONNECT_MILLIS;
        boolean databaseDown = false;
        while (true) {
            try {
                // read afresh for every attempt: an attempt that failed may have changed the hits it appended
                hits.clear();
                partitions.clear();
                newest.clear();
                readHits(batch, hits, partitions, newest);
                transaction.begin();
                appender.append(hits);
                transaction.commit();
                break;
            } catch (Exception e) {
                rollback();
                if (DatabaseUnavailable.causes(e) && running()) {
                    // Not the messages' fault: keep them (a JMS rollback would count a delivery attempt, and a long
                    // outage would send good hits to the dead-letter queue) and try again until the database answers.
                    LOG.log(databaseDown ? Level.FINE : Level.WARNING, "the database is unavailable; appending "
                            + hits.size() + " hits again once it answers", e);
                    databaseDown = true;
                    awaitStop(retryMillis);
                    retryMillis = Math.min(MAX_RECONNECT_MILLIS, retryMillis * 2);
                    continue;
                }
                session.rollback();
                singly = batch.size();
                // A batch that fails is redelivered; the race behind it (two partitions claiming one identifier at
                // once) is expected, a message that keeps failing ends in the dead-letter queue, which the health
                // checks show.
                LOG.log(Level.WARNING, "appending " + hits.size() + " hits of " + batch.size()
                        + " messages failed; they will be redelivered", e);
                return;
            }
        }
        if (databaseDown) {
            LOG.info("the database answers again; hits are appended");
        }
        session.commit();
        dataClock.processed(partitions, newest);
    }

    private static void readHits(List<Message> batch, List<Hit> hits, List<String> partitions, List<Long> newest)
            throws JMSException {
        for (Message message : batch) {
            List<Hit> messageHits = HitMessages.hitsOf(message);
            hits.addAll(messageHits);
            partitions.add(HitMessages.partitionOf(message));
            newest.add(messageHits.stream().mapToLong(Hit::getReceivedAtMillis).max().orElse(0));
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

    private void awaitStop(long millis) {
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }
}
