package org.d8a.sessions.wheel;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.config.D8aConfig;
import org.d8a.sessions.DataClock;
import org.d8a.sessions.QueueBacklog;
import org.d8a.sessions.close.SessionCloser;

/**
 * Closes proto-sessions on data time, once a second (architecture decisions 3 and 4). The watermark is the wall clock
 * while the hits queue is empty and no replay runs, otherwise the receive time of the newest processed hit, so a
 * backlog (or a replayed log, whose chunks leave the queue empty for a moment) is closed in data order as it drains.
 * A proto-session whose timeout falls in bucket B closes once the watermark reaches B + 2 s, as in the reference.
 * Everything due is closed at every tick, oldest expiry first, so downtime is caught up as the watermark moves;
 * {@link CatchUp} decides the bucket, including the one-time rebase of {@code startup.skip_catch_up}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TimingWheel {

    private static final Logger LOG = Logger.getLogger(TimingWheel.class.getName());
    private static final int CLOSE_BATCH = 200;

    @Inject
    DataClock dataClock;

    @Inject
    QueueBacklog backlog;

    @EJB
    SessionCloser closer;

    @EJB
    WheelCursorStore cursor;

    @Inject
    D8aConfig config;

    private final AtomicBoolean ticking = new AtomicBoolean();
    private CatchUp catchUp;

    @PostConstruct
    void init() {
        catchUp = new CatchUp(config.skipCatchUp());
    }

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "d8a timing wheel")
    public void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            OptionalLong closeUpTo = catchUp.closeUpTo(watermarkMillis(), System.currentTimeMillis(), cursor::next);
            if (closeUpTo.isPresent()) {
                closeDue(closeUpTo.getAsLong());
                cursor.advanceTo(closeUpTo.getAsLong() + 1);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "timing wheel tick failed; retrying at the next tick", e);
        } finally {
            ticking.set(false);
        }
    }

    long watermarkMillis() {
        long processed = dataClock.newestProcessedMillis();
        boolean caughtUp = backlog.messageCount() == 0 && !dataClock.replaying();
        return caughtUp ? Math.max(System.currentTimeMillis(), processed) : processed;
    }

    private void closeDue(long closeUpTo) {
        while (true) {
            List<String> due = closer.dueIds(closeUpTo, CLOSE_BATCH);
            if (due.isEmpty() || closeAll(due, closeUpTo) == 0 || due.size() < CLOSE_BATCH) {
                return;
            }
        }
    }

    private int closeAll(List<String> due, long closeUpTo) {
        try {
            closer.close(due, closeUpTo);
            return due.size();
        } catch (EJBException batchLostARace) {
            // A consumer appended to one of them meanwhile: close the others one by one, leave that one open.
            int closed = 0;
            for (String id : due) {
                try {
                    closer.close(List.of(id), closeUpTo);
                    closed++;
                } catch (EJBException appendedMeanwhile) {
                    LOG.fine(() -> "proto-session " + id + " received a hit while closing; retried later");
                }
            }
            return closed;
        }
    }
}
