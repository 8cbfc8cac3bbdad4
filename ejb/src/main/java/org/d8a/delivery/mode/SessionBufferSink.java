package org.d8a.delivery.mode;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.delivery.ClosedSession;
import org.d8a.delivery.ClosedSessionSink;
import org.d8a.transactions.OnCommit;

/**
 * {@code best_effort}: closed sessions wait in memory, per property, once their close has committed; the
 * {@link SessionBufferFlusher} writes a property's buffer when it holds {@code delivery.best_effort.max_sessions}
 * sessions or its first session is {@code delivery.best_effort.max_age} old, and moves it to the persistent spool when
 * the warehouse fails (or when the server stops), so a failure costs latency, not sessions.
 */
@ApplicationScoped
@Typed(SessionBufferSink.class)
public class SessionBufferSink implements ClosedSessionSink {

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, Buffer> buffers = new LinkedHashMap<>();
    private long flushesByCount;
    private long flushesByAge;
    private long movedToSpool;

    /** The sessions of one property waiting in memory, and when the first of them arrived. */
    record Buffer(long createdAtMillis, List<ClosedSession> sessions) {
    }

    @Override
    public void accept(String propertyId, List<ClosedSession> sessions) {
        List<ClosedSession> closed = List.copyOf(sessions);
        OnCommit.run(transactions, () -> add(propertyId, closed));
    }

    private synchronized void add(String propertyId, List<ClosedSession> sessions) {
        buffers.computeIfAbsent(propertyId, p -> new Buffer(System.currentTimeMillis(), new ArrayList<>()))
                .sessions().addAll(sessions);
    }

    /**
     * Takes out the buffers that are due: those with at least {@code maxSessions} sessions or older than
     * {@code maxAgeMillis}, or all of them when {@code all} is set.
     */
    synchronized Map<String, List<ClosedSession>> takeDue(int maxSessions, long maxAgeMillis, boolean all) {
        long now = System.currentTimeMillis();
        Map<String, List<ClosedSession>> due = new LinkedHashMap<>();
        buffers.entrySet().removeIf(entry -> {
            Buffer buffer = entry.getValue();
            boolean full = buffer.sessions().size() >= maxSessions;
            boolean old = now - buffer.createdAtMillis() >= maxAgeMillis;
            if (all || full || old) {
                if (!all) {
                    if (full) {
                        flushesByCount++;
                    } else {
                        flushesByAge++;
                    }
                }
                due.put(entry.getKey(), buffer.sessions());
                return true;
            }
            return false;
        });
        return due;
    }

    /** Counts sessions the warehouse refused, which went to the persistent spool instead. */
    synchronized void movedToSpool(int sessions) {
        movedToSpool += sessions;
    }

    /** What the session buffer holds and has done since the server started, for operators. */
    public synchronized SessionBufferStatus status() {
        long held = buffers.values().stream().mapToLong(buffer -> buffer.sessions().size()).sum();
        return new SessionBufferStatus(held, flushesByCount, flushesByAge, movedToSpool);
    }
}
