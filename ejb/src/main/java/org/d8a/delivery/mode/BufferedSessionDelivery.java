package org.d8a.delivery.mode;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.d8a.columns.RetryableColumnException;
import org.d8a.delivery.ClosedSession;
import org.d8a.delivery.RowDelivery;
import org.d8a.warehouse.WarehouseException;

/** The transactions of the session buffer (best_effort): delivering what it holds, or moving it to the spool. */
@Stateless
public class BufferedSessionDelivery {

    @Inject
    RowDelivery rows;

    @Inject
    PersistentSpoolSink persistentSpool;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(String propertyId, List<ClosedSession> sessions)
            throws WarehouseException, RetryableColumnException {
        rows.deliver(propertyId, sessions.stream().map(ClosedSession::payload).toList());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void spool(String propertyId, List<ClosedSession> sessions) {
        persistentSpool.accept(propertyId, sessions);
    }
}
