package org.d8a.columns;

import org.d8a.sessions.Session;

/** A column with one value per session, repeated on each of its rows. */
public interface SessionColumn extends Column {

    /**
     * The value of this column for {@code session}.
     *
     * @throws BrokenSessionException when the session cannot be written
     * @throws RetryableColumnException when the failure is temporary
     */
    Object value(Session session) throws ColumnException;
}
