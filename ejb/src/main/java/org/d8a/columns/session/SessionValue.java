package org.d8a.columns.session;

import org.d8a.columns.ColumnException;
import org.d8a.sessions.Session;

/** How a session column reads its value. */
@FunctionalInterface
public interface SessionValue {

    Object of(Session session) throws ColumnException;
}
