package org.d8a.columns.event;

import org.d8a.columns.ColumnException;
import org.d8a.sessions.Event;

/** How an event column reads its value. */
@FunctionalInterface
public interface EventValue {

    Object of(Event event) throws ColumnException;
}
