package org.d8a.delivery.mode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;
import org.d8a.columns.RetryableColumnException;
import org.d8a.delivery.SessionRowsWriter;
import org.d8a.warehouse.WarehouseException;

/**
 * {@code disabled}: the closer writes the rows itself, in the closing transaction. A warehouse failure rolls the close
 * back, so the proto-sessions stay and the wheel retries them: nothing is lost, but nothing closes meanwhile.
 */
@ApplicationScoped
@Typed(DirectWriteSink.class)
public class DirectWriteSink implements ClosedSessionSink {

    @Inject
    SessionRowsWriter rowsWriter;

    @Override
    public void accept(String propertyId, List<ClosedSession> sessions) {
        try {
            rowsWriter.write(propertyId, sessions.stream().map(ClosedSession::payload).toList());
        } catch (WarehouseException | RetryableColumnException e) {
            throw new IllegalStateException("writing closed sessions of property " + propertyId
                    + " failed; they close again on a later tick", e);
        }
    }
}
