package org.d8a.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Data time: the receive time of the newest hit the consumers have committed. The timing wheel closes sessions by it
 * rather than by the wall clock whenever hits are waiting in the queue, so a backlog never closes a session early
 * (architecture decision 4), nor while a replay puts logged hits back on the queue: between two of its chunks the
 * queue can be empty, and the wall clock would close the replayed sessions, whose hits are old, half built. Not
 * persisted: after a restart it starts from nothing and the first processed hits set it.
 */
@ApplicationScoped
public class DataClock {

    private final AtomicLong newestProcessedMillis = new AtomicLong();
    private final AtomicInteger replays = new AtomicInteger();

    /** Moves data time forward to {@code receivedAtMillis}; never backwards. */
    public void processed(long receivedAtMillis) {
        newestProcessedMillis.accumulateAndGet(receivedAtMillis, Math::max);
    }

    /** Receive time of the newest processed hit, 0 before the first one. */
    public long newestProcessedMillis() {
        return newestProcessedMillis.get();
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
}
