package org.d8a.queue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.hits.Hit;

/**
 * Publishes accepted hits to the hits queue with group commit: hits are collected per partition for
 * {@code receiver.publish_window} (or until one partition holds {@code receiver.publish_max_hits}), then every
 * partition's hits go out as one persistent message with {@code JMSXGroupID = p<N>}, all in one transaction. A request
 * completes only when the transaction holding its hits has committed, so a 204 means the hits are durable.
 */
@ApplicationScoped
public class HitPublisher {

    private static final Logger LOG = Logger.getLogger(HitPublisher.class.getName());

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = HitsQueue.JNDI_NAME)
    Queue queue;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    DataClock dataClock;

    @Inject
    Partitions partitions;

    @Inject
    QueueSettings settings;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hitsWaiting = lock.newCondition();
    private Map<String, List<Hit>> pending = new HashMap<>();
    private CompletableFuture<Void> pendingCommit = new CompletableFuture<>();
    private boolean partitionFull;
    private volatile boolean running;

    private long windowNanos;
    private int maxHitsPerPartition;
    private Thread flusher;
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    @PostConstruct
    void start() {
        windowNanos = settings.publishWindow().toNanos();
        maxHitsPerPartition = settings.publishMaxHits();
        running = true;
        flusher = threads.newThread(this::flushLoop);
        flusher.setName("d8a-hit-publisher");
        flusher.start();
    }

    /** Queues {@code hits}; the returned stage completes once they are durably in the hits queue. */
    public CompletableFuture<Void> publish(List<Hit> hits) {
        lock.lock();
        try {
            if (!running) {
                return CompletableFuture.failedFuture(new IllegalStateException("the receiver is shutting down"));
            }
            for (Hit hit : hits) {
                String partition = partitions.of(hit);
                List<Hit> batch = pending.computeIfAbsent(partition, p -> new ArrayList<>());
                batch.add(hit);
                partitionFull |= batch.size() >= maxHitsPerPartition;
            }
            hitsWaiting.signal();
            return pendingCommit;
        } finally {
            lock.unlock();
        }
    }

    private void flushLoop() {
        while (running || hasPending()) {
            Map<String, List<Hit>> batches;
            CompletableFuture<Void> commit;
            lock.lock();
            try {
                while (pending.isEmpty() && running) {
                    hitsWaiting.await(100, TimeUnit.MILLISECONDS);
                }
                long deadline = System.nanoTime() + windowNanos;
                while (!partitionFull && running && System.nanoTime() < deadline) {
                    hitsWaiting.awaitNanos(deadline - System.nanoTime());
                }
                batches = pending;
                commit = pendingCommit;
                pending = new HashMap<>();
                pendingCommit = new CompletableFuture<>();
                partitionFull = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                continue;
            } finally {
                lock.unlock();
            }
            if (!batches.isEmpty()) {
                send(batches, commit);
            }
        }
        closeConnection();
    }

    private boolean hasPending() {
        lock.lock();
        try {
            return !pending.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void send(Map<String, List<Hit>> batches, CompletableFuture<Void> commit) {
        // counted before the commit, so that the partition's consumer never commits a message not yet counted
        batches.keySet().forEach(dataClock::publishing);
        try {
            ensureConnected();
            for (Map.Entry<String, List<Hit>> batch : batches.entrySet()) {
                producer.send(HitMessages.create(session::createTextMessage, batch.getKey(), batch.getValue()));
            }
            session.commit();
            commit.complete(null);
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.SEVERE, "cannot publish hits to the hits queue", e);
            batches.keySet().forEach(dataClock::notPublished);
            closeConnection();
            commit.completeExceptionally(e);
        }
    }

    private void ensureConnected() throws JMSException {
        if (session == null) {
            connection = connectionFactory.createConnection();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        }
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (JMSException e) {
            LOG.log(Level.FINE, "closing the publisher's JMS connection failed", e);
        } finally {
            connection = null;
            session = null;
            producer = null;
        }
    }

    @PreDestroy
    void stop() {
        lock.lock();
        try {
            running = false;
            hitsWaiting.signal();
        } finally {
            lock.unlock();
        }
        try {
            flusher.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
