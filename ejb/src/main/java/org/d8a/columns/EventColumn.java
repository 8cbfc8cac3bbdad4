package org.d8a.columns;

import org.d8a.sessions.Event;

/** A column computed from one event alone. */
public interface EventColumn extends Column {

    /**
     * The value of this column for {@code event}; may read the values of the columns it depends on.
     *
     * @throws BrokenEventException when the event cannot be written (only this event is dropped)
     * @throws RetryableColumnException when the failure is temporary (the whole delivery is retried)
     */
    Object value(Event event) throws ColumnException;
}
