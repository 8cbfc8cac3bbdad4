package org.d8a.delivery;

import java.util.List;

/**
 * Where the closer hands closed sessions, inside the transaction that removes their proto-sessions; the
 * {@code delivery.mode} decides which (see {@code org.d8a.delivery.mode.DeliveryModes}).
 */
public interface ClosedSessionSink {

    void accept(String propertyId, List<ClosedSession> sessions);
}
