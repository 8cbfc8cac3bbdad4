package org.d8a.columns.session;

import org.d8a.columns.ColumnException;
import org.d8a.sessions.Session;

/** How a session-scoped event column reads the value of the event at {@code index}. */
@FunctionalInterface
public interface SessionScopedValue {

    Object of(Session session, int index) throws ColumnException;
}
