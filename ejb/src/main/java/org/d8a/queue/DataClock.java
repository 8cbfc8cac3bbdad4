package org.d8a.queue;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.cluster.ClusterSettings;
import org.d8a.persistence.cluster.PartitionClock;
import org.d8a.persistence.cluster.PartitionClockRepository;
import org.d8a.persistence.cluster.PartitionClockRepository.Consumed;

/**
 * Data time: the receive times of the newest hits the consumers have committed, overall and per queue partition, and
 * how many messages wait in each partition (counted by every publisher before its send commits, and by the consumer
 * once its append has committed). The timing wheel closes sessions by it rather than by the wall clock whenever hits
 * are waiting in the queue, so a backlog never closes a session early (architecture decision 4), nor while a replay
 * puts logged hits back on the queue: between two of its chunks the queue can be empty, and the wall clock would
 * close the replayed sessions, whose hits are old, half built. See {@link Watermarks}. Not persisted: after a restart
 * it starts from nothing, and the per-partition counts are trusted once the queue has been seen empty.
 *
 * <p>On a node of a cluster ({@code cluster.enabled}) the per-partition counts are the cluster's, in the shared
 * database ({@link PartitionClockRepository}): each node's queue holds the messages of the partitions Artemis groups on
 * it, sent by any node. A publish cycle is counted in one transaction before its send commits (a cycle that cannot be
 * counted is not sent), a consumer's batch in one after its commit; the counts survive restarts and are always trusted.
 * A node killed between the two steps leaves a count one too high, and a dead node's journal holds messages nobody
 * consumes until it restarts: a partition whose count has not changed for {@code cluster.stalled_partition_timeout}
 * no longer holds its data time back (docs/operations.md, "A cluster").</p>
 */
@ApplicationScoped
public class DataClock {

    private static final Logger LOG = Logger.getLogger(DataClock.class.getName());

    @Inject
    QueueSettings settings;

    @Inject
    ClusterSettings cluster;

    @Inject
    PartitionClockRepository sharedCounts;

    private final AtomicLong newestProcessedMillis = new AtomicLong();
    private final AtomicInteger replays = new AtomicInteger();
    private AtomicLongArray pending;
    private AtomicLongArray newestByPartition;
    private volatile boolean countsTrusted;
    private boolean shared;
    /** Whether every partition's shared row exists (created at the first publish, by whichever node is first). */
    private volatile boolean sharedRowsExist;

    @PostConstruct
    void init() {
        int partitions = settings.partitions();
        pending = new AtomicLongArray(partitions);
        newestByPartition = new AtomicLongArray(partitions);
        shared = cluster != null && cluster.enabled();
    }

    /** A message for {@code partition} (a {@code JMSXGroupID}, {@code p<N>}) is about to be committed to the queue. */
    public void publishing(String partition) {
        publishing(Collections.singletonList(partition));
    }

    /**
     * One message for each of {@code partitions} is about to be committed to the queue.
     *
     * @throws RuntimeException on a node of a cluster, when the shared counts cannot be written: the messages must
     *                          then not be sent
     */
    public void publishing(Collection<String> partitions) {
        if (shared) {
            SortedMap<Integer, Long> counts = new TreeMap<>();
            partitions.stream().mapToInt(this::index).filter(p -> p >= 0).forEach(p -> counts.merge(p, 1L, Long::sum));
            if (!sharedRowsExist) {
                sharedCounts.ensure(pending.length(), System.currentTimeMillis());
                sharedRowsExist = true;
            }
            sharedCounts.published(counts, System.currentTimeMillis());
            return;
        }
        for (String partition : partitions) {
            int p = index(partition);
            if (p >= 0) {
                pending.incrementAndGet(p);
            }
        }
    }

    /** The send announced by {@link #publishing} did not commit. */
    public void notPublished(String partition) {
        notPublished(Collections.singletonList(partition));
    }

    /** The sends announced by {@link #publishing(Collection)} did not commit. */
    public void notPublished(Collection<String> partitions) {
        if (shared) {
            SortedMap<Integer, Consumed> counts = new TreeMap<>();
            partitions.stream().mapToInt(this::index).filter(p -> p >= 0)
                    .forEach(p -> counts.merge(p, new Consumed(1, 0), DataClock::sum));
            uncount(counts, "messages that were not sent");
            return;
        }
        partitions.forEach(partition -> decrement(index(partition)));
    }

    /**
     * The consumer of {@code partition} committed a message whose newest hit was received at
     * {@code receivedAtMillis}; data time moves forward to it, never backwards.
     */
    public void processed(String partition, long receivedAtMillis) {
        processed(Collections.singletonList(partition), List.of(receivedAtMillis));
    }

    /**
     * A consumer committed a batch of messages: {@code partitions.get(i)}'s newest hit was received at
     * {@code receivedAtMillis.get(i)}.
     */
    public void processed(List<String> partitions, List<Long> receivedAtMillis) {
        SortedMap<Integer, Consumed> counts = new TreeMap<>();
        for (int i = 0; i < partitions.size(); i++) {
            long receivedAt = receivedAtMillis.get(i);
            newestProcessedMillis.accumulateAndGet(receivedAt, Math::max);
            int p = index(partitions.get(i));
            if (p >= 0) {
                newestByPartition.accumulateAndGet(p, receivedAt, Math::max);
                if (shared) {
                    counts.merge(p, new Consumed(1, receivedAt), DataClock::sum);
                } else {
                    decrement(p);
                }
            }
        }
        if (shared && !counts.isEmpty()) {
            uncount(counts, "consumed messages");
        }
    }

    /** The messages counted as sent and not yet consumed, over every partition (the cluster's, on a node of one). */
    public long countedWaiting() {
        if (shared) {
            long now = System.currentTimeMillis();
            return sharedCounts.all().stream().filter(row -> waits(row, now)).mapToLong(PartitionClock::getPending)
                    .sum();
        }
        long waiting = 0;
        for (int p = 0; p < pending.length(); p++) {
            waiting += pending.get(p);
        }
        return waiting;
    }

    /**
     * The messages are consumed or not sent; their partitions' shared counts go down. If they cannot (the database
     * went away after the consumer's commit), the counts stay high until the stall rule sets them aside.
     */
    private void uncount(SortedMap<Integer, Consumed> counts, String what) {
        try {
            sharedCounts.consumed(counts, System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the cluster's data-time counts of " + what + " could not be written; their"
                    + " partitions " + counts.keySet() + " wait for the stalled-partition timeout", e);
        }
    }

    private static Consumed sum(Consumed a, Consumed b) {
        return new Consumed(a.messages() + b.messages(), Math.max(a.newestHitMillis(), b.newestHitMillis()));
    }

    /** Whether a shared row's messages hold its partition's data time back: counted, and not stalled. */
    private boolean waits(PartitionClock row, long nowMillis) {
        return row.getPending() > 0
                && nowMillis - row.getTouchedMillis() < cluster.stalledPartitionTimeout().toMillis();
    }

    /** Receive time of the newest processed hit, 0 before the first one. */
    public long newestProcessedMillis() {
        return newestProcessedMillis.get();
    }

    /** The watermarks at {@code wallMillis}; {@code queueEmpty}: the hits queue holds no message at all. */
    public Watermarks watermarks(long wallMillis, boolean queueEmpty) {
        if (shared) {
            return sharedWatermarks(wallMillis, queueEmpty);
        }
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

    /**
     * The cluster's watermarks: {@code localQueueEmpty} is this node's queue only, the others' messages are in the
     * shared counts, which every publisher wrote before its send.
     */
    private Watermarks sharedWatermarks(long wallMillis, boolean localQueueEmpty) {
        int partitions = pending.length();
        long[] waiting = new long[partitions];
        long[] newest = new long[partitions];
        long newestOverall = newestProcessedMillis();
        boolean anyWaiting = false;
        for (PartitionClock row : sharedCounts.all()) {
            int p = row.getPartition();
            if (p < partitions) {
                waiting[p] = waits(row, wallMillis) ? row.getPending() : 0;
                newest[p] = row.getNewestMillis();
                newestOverall = Math.max(newestOverall, newest[p]);
                anyWaiting |= waiting[p] > 0;
            }
        }
        return Watermarks.of(wallMillis, localQueueEmpty && !anyWaiting, replaying(), true, newestOverall, waiting,
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
