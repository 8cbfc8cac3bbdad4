package org.d8a.columns;

import org.d8a.sessions.Session;

/** A per-event column computed with the whole session visible (hit number, previous page, ...). */
public interface SessionScopedEventColumn extends Column {

    /**
     * The value of this column for the event at {@code index} of {@code session}.
     *
     * @throws BrokenSessionException when the session cannot be written
     * @throws RetryableColumnException when the failure is temporary
     */
    Object value(Session session, int index) throws ColumnException;
}
