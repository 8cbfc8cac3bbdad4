package org.d8a.queue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Data time: the receive times of the newest hits the consumers have committed, overall and per queue partition, and
 * how many messages wait in each partition (counted by every publisher before its send commits, and by the consumer
 * once its append has committed). The timing wheel closes sessions by it rather than by the wall clock whenever hits
 * are waiting in the queue, so a backlog never closes a session early (architecture decision 4), nor while a replay
 * puts logged hits back on the queue: between two of its chunks the queue can be empty, and the wall clock would
 * close the replayed sessions, whose hits are old, half built. See {@link Watermarks}. Not persisted: after a restart
 * it starts from nothing, and the per-partition counts are trusted once the queue has been seen empty.
 */
@ApplicationScoped
public class DataClock {

    @Inject
    QueueSettings settings;

    private final AtomicLong newestProcessedMillis = new AtomicLong();
    private final AtomicInteger replays = new AtomicInteger();
    private AtomicLongArray pending;
    private AtomicLongArray newestByPartition;
    private volatile boolean countsTrusted;

    @PostConstruct
    void init() {
        int partitions = settings.partitions();
        pending = new AtomicLongArray(partitions);
        newestByPartition = new AtomicLongArray(partitions);
    }

    /** A message for {@code partition} (a {@code JMSXGroupID}, {@code p<N>}) is about to be committed to the queue. */
    public void publishing(String partition) {
        int p = index(partition);
        if (p >= 0) {
            pending.incrementAndGet(p);
        }
    }

    /** The send announced by {@link #publishing} did not commit. */
    public void notPublished(String partition) {
        decrement(index(partition));
    }

    /**
     * The consumer of {@code partition} committed a message whose newest hit was received at
     * {@code receivedAtMillis}; data time moves forward to it, never backwards.
     */
    public void processed(String partition, long receivedAtMillis) {
        newestProcessedMillis.accumulateAndGet(receivedAtMillis, Math::max);
        int p = index(partition);
        if (p >= 0) {
            newestByPartition.accumulateAndGet(p, receivedAtMillis, Math::max);
            decrement(p);
        }
    }

    /** The messages this server counted as sent and not yet consumed, over every partition. */
    public long countedWaiting() {
        long waiting = 0;
        for (int p = 0; p < pending.length(); p++) {
            waiting += pending.get(p);
        }
        return waiting;
    }

    /** Receive time of the newest processed hit, 0 before the first one. */
    public long newestProcessedMillis() {
        return newestProcessedMillis.get();
    }

    /** The watermarks at {@code wallMillis}; {@code queueEmpty}: the hits queue holds no message at all. */
    public Watermarks watermarks(long wallMillis, boolean queueEmpty) {
        if (queueEmpty) {
            // from now on every message in the queue is one this server counted
            countsTrusted = true;
        }
        int partitions = pending.length();
        long[] waiting = new long[partitions];
        long[] newest = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            waiting[p] = pending.get(p);
            newest[p] = newestByPartition.get(p);
        }
        return Watermarks.of(wallMillis, queueEmpty, replaying(), countsTrusted, newestProcessedMillis(), waiting,
                newest);
    }

    public void replayStarted() {
        replays.incrementAndGet();
    }

    public void replayEnded() {
        replays.decrementAndGet();
    }

    /** Whether a replay job is putting logged hits back on the queue. */
    public boolean replaying() {
        return replays.get() > 0;
    }

    /** Messages of an earlier run (or of another node) were never counted: a count never goes below zero. */
    private void decrement(int p) {
        if (p >= 0) {
            pending.getAndUpdate(p, count -> Math.max(0, count - 1));
        }
    }

    /**
     * The number of a {@code p<N>} group, or -1 for a message of no partition this server counts (one left by a run
     * with another {@code queue.partitions}): such a message only moves the overall data time, and a wrong group id
     * must never make the consumer fail a message it has committed.
     */
    private int index(String partition) {
        if (partition == null || partition.length() < 2 || partition.charAt(0) != 'p') {
            return -1;
        }
        try {
            int p = Integer.parseInt(partition.substring(1));
            return p < pending.length() ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
