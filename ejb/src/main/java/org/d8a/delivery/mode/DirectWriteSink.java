package org.d8a.delivery.mode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import org.d8a.columns.RetryableColumnException;
import org.d8a.delivery.ClosedSession;
import org.d8a.delivery.ClosedSessionSink;
import org.d8a.delivery.RowDelivery;
import org.d8a.warehouse.WarehouseException;

/**
 * {@code disabled}: the closer writes the rows itself, in the closing transaction. A warehouse failure rolls the close
 * back, so the proto-sessions stay and the wheel retries them: nothing is lost, but nothing closes meanwhile.
 */
@ApplicationScoped
@Typed(DirectWriteSink.class)
public class DirectWriteSink implements ClosedSessionSink {

    @Inject
    RowDelivery rows;

    @Override
    public void accept(String propertyId, List<ClosedSession> sessions) {
        try {
            rows.deliver(propertyId, sessions.stream().map(ClosedSession::payload).toList());
        } catch (WarehouseException | RetryableColumnException e) {
            throw new IllegalStateException("writing closed sessions of property " + propertyId
                    + " failed; they close again on a later tick", e);
        }
    }
}
