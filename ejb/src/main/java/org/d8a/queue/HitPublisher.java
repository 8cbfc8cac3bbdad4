package org.d8a.queue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.hits.Hit;

/**
 * Publishes accepted hits to the hits queue with group commit: hits are collected per partition for
 * {@code receiver.publish_window} (or until one partition holds {@code receiver.publish_max_hits}), then every
 * partition's hits go out as one persistent message with {@code JMSXGroupID = p<N>}, all in one transaction. A request
 * completes only when the transaction holding its hits has committed, so a 204 means the hits are durable. With a
 * {@link PublishJournal} enabled (the raw log), each cycle first writes its requests' records there, in one durable
 * write: a cycle whose records cannot be written is refused before anything is sent.
 *
 * <p>A broker that blocks producers (Artemis does when its disk is beyond {@code global-max-disk-usage}) holds the
 * flusher in its send. Once a send has waited {@link #BLOCKED_AFTER_NANOS}, the queue counts as blocked: the requests
 * of that cycle and every new one are refused at once with {@link QueueBlockedException} instead of each holding a
 * request thread for the intake's whole timeout, until the send returns. The blocked cycle's hits may still be queued
 * when it does; their clients got no acknowledgement, and a retry is recognised.</p>
 */
@ApplicationScoped
public class HitPublisher {

    private static final Logger LOG = Logger.getLogger(HitPublisher.class.getName());
    /** How long the flusher waits for hits before it tells the journal that it is idle. */
    private static final long IDLE_MILLIS = 100;
    /** A durable commit takes milliseconds; a send that waits this long waits for the broker to let producers on. */
    static final long BLOCKED_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long WATCH_MILLIS = 500;

    @Resource(lookup = HitsQueue.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = HitsQueue.JNDI_NAME)
    Queue queue;

    @Resource
    ManagedThreadFactory threads;

    /** Runs the watch for a blocked send, so that a blocked cycle is refused even when no other request comes. */
    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    DataClock dataClock;

    @Inject
    Partitions partitions;

    @Inject
    QueueSettings settings;

    @Inject
    PublishJournal journal;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hitsWaiting = lock.newCondition();
    private Map<String, List<Hit>> pending = new HashMap<>();
    private List<byte[]> pendingRecords = new ArrayList<>();
    private CompletableFuture<Void> pendingCommit = new CompletableFuture<>();
    private boolean partitionFull;
    private volatile boolean running;

    private boolean journaling;
    /** Whether the last cycle failed to send (only the flusher thread reads and writes it). */
    private boolean failing;
    /** The cycle being sent; null between sends. */
    private volatile Sending sending;
    /** {@link #BLOCKED_AFTER_NANOS}, shorter in a test. */
    long blockedAfterNanos = BLOCKED_AFTER_NANOS;
    private long windowNanos;
    private int maxHitsPerPartition;
    private Thread flusher;
    private ScheduledFuture<?> watch;
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    @PostConstruct
    void start() {
        windowNanos = settings.publishWindow().toNanos();
        maxHitsPerPartition = settings.publishMaxHits();
        journaling = journal.enabled();
        running = true;
        flusher = threads.newThread(this::flushLoop);
        flusher.setName("d8a-hit-publisher");
        flusher.start();
        watch = scheduler.scheduleWithFixedDelay(this::watchSend, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Queues the hits of one request; the returned stage completes once they are durably in the hits queue (and in
     * the journal before that), or fails: with {@link JournalUnavailableException} when the journal could not be
     * written, with the {@link JMSException} when the broker did not take the send, with
     * {@link QueueBlockedException} while the broker blocks producers (the client may retry).
     */
    public CompletableFuture<Void> publish(List<Hit> hits) {
        Sending current = sending;
        if (current != null && current.blocked()) {
            current.refused.incrementAndGet();
            return CompletableFuture.failedFuture(new QueueBlockedException());
        }
        byte[] record = journaling ? journal.record(hits) : null;
        // hashed before the lock: every request thread waits for it
        List<String> partitionOfHit = hits.stream().map(partitions::of).toList();
        lock.lock();
        try {
            if (!running) {
                return CompletableFuture.failedFuture(new IllegalStateException("the receiver is shutting down"));
            }
            for (int i = 0; i < hits.size(); i++) {
                Hit hit = hits.get(i);
                List<Hit> batch = pending.computeIfAbsent(partitionOfHit.get(i), p -> new ArrayList<>());
                batch.add(hit);
                partitionFull |= batch.size() >= maxHitsPerPartition;
            }
            if (record != null) {
                pendingRecords.add(record);
            }
            hitsWaiting.signal();
            return pendingCommit;
        } finally {
            lock.unlock();
        }
    }

    private void flushLoop() {
        while (running || hasPending()) {
            Cycle cycle;
            try {
                cycle = nextCycle();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                continue;
            }
            if (cycle != null) {
                send(cycle);
            } else if (journaling) {
                journal.idle();
            }
        }
        if (journaling) {
            journal.idle();
        }
        closeConnection();
    }

    /** The hits and records of one cycle, and the stage their requests wait on. */
    private record Cycle(Map<String, List<Hit>> batches, List<byte[]> records, CompletableFuture<Void> commit) {
    }

    /** One cycle's send, watched for the broker blocking it. */
    private final class Sending {

        private final Cycle cycle;
        private final long sinceNanos = System.nanoTime();
        private final AtomicBoolean reported = new AtomicBoolean();
        private final AtomicLong refused = new AtomicLong();

        Sending(Cycle cycle) {
            this.cycle = cycle;
        }

        /**
         * Whether the send has waited past {@link #blockedAfterNanos}. The first to find it so (a request, or the
         * watch) reports it and refuses the cycle's requests.
         */
        boolean blocked() {
            long waited = System.nanoTime() - sinceNanos;
            if (waited < blockedAfterNanos) {
                return false;
            }
            if (reported.compareAndSet(false, true)) {
                LOG.warning(() -> "the hits queue takes no hits: a send has waited " + TimeUnit.NANOSECONDS.toSeconds(
                        waited) + " s for the broker, which blocks producers (is its disk beyond"
                        + " global-max-disk-usage?); answering 503 until it takes them again");
                cycle.commit().completeExceptionally(new QueueBlockedException());
            }
            return true;
        }

        /** The send returned: reports the end of the block, if it was one (a failed send reports itself). */
        void returned(boolean committed) {
            if (committed && reported.get()) {
                LOG.info(() -> "the hits queue takes hits again; " + refused.get() + " more requests were refused"
                        + " with 503 while it was blocked");
            }
        }
    }

    /** The watch: a blocked send is found and its requests refused even when no other request comes. */
    private void watchSend() {
        Sending current = sending;
        if (current != null) {
            current.blocked();
        }
    }

    /** Waits for hits, then for the window; returns what came, or {@code null} when nothing did for a while. */
    private Cycle nextCycle() throws InterruptedException {
        lock.lock();
        try {
            if (pending.isEmpty() && running) {
                hitsWaiting.await(IDLE_MILLIS, TimeUnit.MILLISECONDS);
            }
            if (pending.isEmpty()) {
                return null;
            }
            long deadline = System.nanoTime() + windowNanos;
            while (!partitionFull && running && System.nanoTime() < deadline) {
                hitsWaiting.awaitNanos(deadline - System.nanoTime());
            }
            Cycle cycle = new Cycle(pending, pendingRecords, pendingCommit);
            pending = new HashMap<>();
            pendingRecords = new ArrayList<>();
            pendingCommit = new CompletableFuture<>();
            partitionFull = false;
            return cycle;
        } finally {
            lock.unlock();
        }
    }

    private boolean hasPending() {
        lock.lock();
        try {
            return !pending.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void send(Cycle cycle) {
        boolean journaled = !cycle.records().isEmpty();
        if (journaled) {
            try {
                journal.write(cycle.records());
            } catch (IOException e) {
                // the journal reports its failure itself, once per failure period
                cycle.commit().completeExceptionally(new JournalUnavailableException(e));
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "writing the journal of a publish cycle failed", e);
                cycle.commit().completeExceptionally(e);
                return;
            }
        }
        // counted before the commit, so that the partition's consumer never commits a message not yet counted
        try {
            dataClock.publishing(cycle.batches().keySet());
        } catch (RuntimeException e) {
            reportFailure(new CountsUnavailableException(e));
            if (journaled) {
                journal.notCommitted();
            }
            cycle.commit().completeExceptionally(new CountsUnavailableException(e));
            return;
        }
        sending = new Sending(cycle);
        try {
            ensureConnected();
            for (Map.Entry<String, List<Hit>> batch : cycle.batches().entrySet()) {
                producer.send(HitMessages.create(session::createTextMessage, batch.getKey(), batch.getValue()));
            }
            session.commit();
        } catch (JMSException | RuntimeException e) {
            unblocked(false);
            reportFailure(e);
            dataClock.notPublished(cycle.batches().keySet());
            closeConnection();
            if (journaled) {
                journal.notCommitted();
            }
            cycle.commit().completeExceptionally(e);
            return;
        }
        unblocked(true);
        if (journaled) {
            journal.committed();
        }
        if (failing) {
            failing = false;
            LOG.info("hits are queued again");
        }
        cycle.commit().complete(null);
    }

    /** The send returned: the queue is not blocked (any more). */
    private void unblocked(boolean committed) {
        Sending returned = sending;
        sending = null;
        returned.returned(committed);
    }

    /**
     * A broker that is down (a remote one restarting), or on a node of a cluster the database, fails every cycle until
     * it is back, and every request of those cycles is answered 503: reported once per failure period, not once per
     * cycle.
     */
    private void reportFailure(Exception e) {
        if (e instanceof RuntimeException) {
            LOG.log(Level.SEVERE, "cannot publish hits to the hits queue", e);
        } else if (!failing) {
            failing = true;
            LOG.log(Level.WARNING, "cannot publish hits to the hits queue; answering 503 until it takes them again", e);
        } else {
            LOG.log(Level.FINE, "the hits queue still refuses hits", e);
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
        watch.cancel(false);
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
