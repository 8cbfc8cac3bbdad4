package org.d8a.delivery.mode;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.d8a.delivery.DeliverySettings;
import org.d8a.delivery.ClosedSession;

/**
 * Flushes the session buffer of the {@code best_effort} mode every second, and everything it holds when the server
 * stops. A buffer the warehouse refuses goes to the persistent spool, where the deliver job retries it.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionBufferFlusher {

    private static final Logger LOG = Logger.getLogger(SessionBufferFlusher.class.getName());

    @Inject
    SessionBufferSink memory;

    @Inject
    DeliverySettings settings;

    @EJB
    BufferedSessionDelivery delivery;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "d8a session buffer flush")
    void flushDue() {
        flush(memory.takeDue(settings.bestEffortMaxSessions(), settings.bestEffortMaxAge().toMillis(), false));
    }

    @PreDestroy
    void flushAll() {
        Map<String, List<ClosedSession>> all = memory.takeDue(0, 0, true);
        all.forEach((propertyId, sessions) -> delivery.spool(propertyId, sessions));
    }

    private void flush(Map<String, List<ClosedSession>> due) {
        due.forEach((propertyId, sessions) -> {
            try {
                delivery.write(propertyId, sessions);
            } catch (Exception e) {
                LOG.log(Level.WARNING, sessions.size() + " sessions of property " + propertyId
                        + " could not be written; they move to the persistent spool", e);
                delivery.spool(propertyId, sessions);
                memory.movedToSpool(sessions.size());
            }
        });
    }
}
