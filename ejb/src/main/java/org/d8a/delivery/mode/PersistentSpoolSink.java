package org.d8a.delivery.mode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import org.d8a.delivery.ClosedSession;
import org.d8a.delivery.ClosedSessionSink;
import org.d8a.persistence.spool.SpoolRepository;
import org.d8a.persistence.spool.SpooledSession;

/** {@code at_least_once}: sessions go to the persistent spool in the closing transaction; the deliver job drains it. */
@ApplicationScoped
@Typed(PersistentSpoolSink.class)
public class PersistentSpoolSink implements ClosedSessionSink {

    @Inject
    SpoolRepository spool;

    @Override
    public void accept(String propertyId, List<ClosedSession> sessions) {
        long now = System.currentTimeMillis();
        for (ClosedSession session : sessions) {
            spool.add(new SpooledSession(propertyId, now, session.hitCount(), session.payload()));
        }
    }
}
