package org.d8a.protosessions.wheel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.cluster.NodeLeadership;
import org.d8a.persistence.wheel.WheelCursorRepository;
import org.d8a.protosessions.close.SessionCloser;
import org.d8a.protosessions.close.SessionsBusyException;
import org.d8a.queue.DataClock;
import org.d8a.queue.QueueBacklog;
import org.d8a.queue.Watermarks;

/**
 * Closes proto-sessions on data time, once a second (architecture decisions 3 and 4). The watermark is the wall clock
 * while the hits queue is empty and no replay runs, otherwise the receive time of the newest processed hit, so a
 * backlog (or a replayed log, whose chunks leave the queue empty for a moment) is closed in data order as it drains.
 * With a backlog whose messages this server counted, each queue partition closes on its own watermark
 * ({@link Watermarks}). A proto-session whose timeout falls in bucket B closes once the watermark reaches B + 2 s, as
 * in the reference.
 * Everything due is closed at every tick, oldest expiry first, so downtime is caught up as the watermark moves;
 * {@link CatchUp} decides the bucket, including the one-time rebase of {@code startup.skip_catch_up}.
 * In a cluster only the node that holds the leader lease ({@link NodeLeadership}) ticks; the others wait to take over.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TimingWheel {

    private static final Logger LOG = Logger.getLogger(TimingWheel.class.getName());
    private static final int CLOSE_BATCH = 200;
    private static final long TICK_MILLIS = 1000;

    @Resource
    TimerService timers;

    @Inject
    DataClock dataClock;

    @Inject
    QueueBacklog backlog;

    @EJB
    SessionCloser closer;

    @Inject
    WheelCursorRepository cursor;

    @Inject
    WheelSettings settings;

    @Inject
    NodeLeadership leadership;

    /** When the last tick completed, or a batch of a long one; the deployment time until the first tick. */
    private final AtomicLong lastTickAt = new AtomicLong(System.currentTimeMillis());
    private CatchUp catchUp;

    @PostConstruct
    void init() {
        catchUp = new CatchUp(settings.skipCatchUp());
        timers.createSingleActionTimer(TICK_MILLIS, new TimerConfig("d8a timing wheel", false));
    }

    /**
     * Ticks once a second with a fixed delay: the next tick is scheduled when this one ends, so a long tick (a
     * catch-up, a burst of closes) delays the next one instead of overlapping it, which a calendar schedule would
     * report as a skipped execution every second.
     */
    @Timeout
    void onTimer() {
        long started = System.currentTimeMillis();
        try {
            tick();
        } finally {
            long spent = System.currentTimeMillis() - started;
            timers.createSingleActionTimer(Math.max(1, TICK_MILLIS - spent), new TimerConfig("d8a timing wheel",
                    false));
        }
    }

    void tick() {
        try {
            if (!leadership.leads()) {
                // another node closes; this one is alive, and ready to take over
                lastTickAt.set(System.currentTimeMillis());
                return;
            }
            long wall = System.currentTimeMillis();
            Watermarks watermarks = dataClock.watermarks(wall, backlog.messageCount() == 0);
            if (watermarks.isGlobal()) {
                OptionalLong closeUpTo = catchUp.closeUpTo(watermarks.global(), wall, cursor::next);
                if (closeUpTo.isPresent()) {
                    closeDue(closeUpTo.getAsLong(), null, true);
                    cursor.advanceTo(closeUpTo.getAsLong() + 1);
                }
            } else {
                closeDuePerPartition(watermarks.perPartition());
            }
            lastTickAt.set(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "timing wheel tick failed; retrying at the next tick", e);
        }
    }

    /** When the wheel last completed a tick (the health check's evidence that sessions keep closing). */
    public long lastTickAt() {
        return lastTickAt.get();
    }

    /**
     * Each partition up to its own watermark, partitions that share a bucket in one pass. Proto-sessions of no recorded
     * partition close with the partitions that are furthest behind.
     */
    private void closeDuePerPartition(long[] watermarks) {
        SortedMap<Long, List<Integer>> byBucket = new TreeMap<>();
        boolean allKnown = true;
        for (int p = 0; p < watermarks.length; p++) {
            if (watermarks[p] > 0) {
                byBucket.computeIfAbsent(CatchUp.lastClosable(watermarks[p]), bucket -> new ArrayList<>()).add(p);
            } else {
                allKnown = false;
            }
        }
        if (byBucket.isEmpty()) {
            return;
        }
        boolean furthestBehind = true;
        for (Map.Entry<Long, List<Integer>> group : byBucket.entrySet()) {
            closeDue(group.getKey(), group.getValue(), furthestBehind && allKnown);
            furthestBehind = false;
        }
        cursor.advanceTo(byBucket.firstKey() + 1);
    }

    /** @param partitions the partitions to close in, null for all */
    private void closeDue(long closeUpTo, List<Integer> partitions, boolean withUnknownPartition) {
        while (true) {
            List<String> due = partitions == null ? closer.dueIds(closeUpTo, CLOSE_BATCH)
                    : closer.dueIds(closeUpTo, partitions, withUnknownPartition, CLOSE_BATCH);
            if (due.isEmpty() || closeAll(due, closeUpTo) == 0 || due.size() < CLOSE_BATCH) {
                return;
            }
            if (!leadership.leads()) {
                // a catch-up outlasted the lease (renewed here) and another node took over: it closes the rest
                return;
            }
            // a long catch-up is progress, not a stuck wheel
            lastTickAt.set(System.currentTimeMillis());
        }
    }

    private int closeAll(List<String> due, long closeUpTo) {
        try {
            return closer.close(due, closeUpTo);
        } catch (SessionsBusyException busy) {
            // Rows held by an append longer than the lock timeout, or changed under the close: close the others one
            // by one, leave the busy one for a later tick.
            int closed = 0;
            for (String id : due) {
                try {
                    closed += closer.close(List.of(id), closeUpTo);
                } catch (SessionsBusyException appendedMeanwhile) {
                    LOG.fine(() -> "proto-session " + id + " was busy while closing; retried later");
                }
            }
            return closed;
        }
    }
}
