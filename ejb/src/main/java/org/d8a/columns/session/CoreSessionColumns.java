package org.d8a.columns.session;

import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.TIMESTAMP;
import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.CoreInterfaces.event;
import static org.d8a.columns.CoreInterfaces.session;

import java.time.Instant;
import java.util.List;
import org.d8a.columns.BrokenSessionException;
import org.d8a.columns.Column;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/** The core session and session-scoped event columns (spec/ga4-protocol-and-columns.md §2.5-2.6). */
public final class CoreSessionColumns {

    private CoreSessionColumns() {
    }

    public static List<Column> all() {
        return List.of(
                new SessionHitNumberColumn(),
                new DerivedSessionColumn(session("session_id"), field("session_id", UTF8).notNull()
                        .describedAs("Id of the session: the id of its first event."),
                        List.of(event("id")), CoreSessionColumns::sessionId),
                new DerivedSessionColumn(session("session_first_event_time"), field("session_first_event_time",
                        TIMESTAMP).describedAs("Time the first event of the session was received."),
                        List.of(), s -> receivedAt(s.first())),
                new DerivedSessionColumn(session("session_last_event_time"), field("session_last_event_time",
                        TIMESTAMP).describedAs("Time the last event of the session was received."),
                        List.of(), s -> receivedAt(s.last())),
                new DerivedSessionColumn(session("session_duration"), field("session_duration", INT64)
                        .describedAs("Seconds between the first and the last event of the session."),
                        List.of(session("session_last_event_time"), session("session_first_event_time")),
                        CoreSessionColumns::duration),
                new DerivedSessionColumn(session("session_total_events"), field("session_total_events", INT64)
                        .describedAs("Number of events in the session."),
                        List.of(), s -> (long) s.events().size()));
    }

    private static Object sessionId(Session session) throws BrokenSessionException {
        Object id = session.first().values().get("id");
        if (!(id instanceof String text) || text.isEmpty()) {
            throw new BrokenSessionException("first event has no id");
        }
        return text;
    }

    /** Whole seconds between the first and last event, as the reference counts them (Unix seconds subtracted). */
    private static Object duration(Session session) {
        long first = Math.floorDiv(session.first().hit().getReceivedAtMillis(), 1000L);
        long last = Math.floorDiv(session.last().hit().getReceivedAtMillis(), 1000L);
        return last - first;
    }

    private static Instant receivedAt(Event event) {
        return Instant.ofEpochMilli(event.hit().getReceivedAtMillis());
    }
}
