package org.d8a.columns.session;

import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.field;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.d8a.columns.CoreInterfaces;
import org.d8a.columns.SessionColumn;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * Counting events by name, and the reference's "unique" count (spec §2.6, unique rule); and the counter columns every
 * protocol builds from them. The counters declare only the event name as their dependency, as the reference does;
 * they read parameter columns, which are always computed before session columns.
 */
public final class EventCounts {

    private EventCounts() {
    }

    /** A column counting the events named in {@code names}; {@code what} completes its description. */
    public static SessionColumn countColumn(String interfaceId, String column, Set<String> names, String what) {
        return new DerivedSessionColumn(interfaceId, field(column, INT64)
                .describedAs("Number of " + what + " in the session."),
                List.of(CoreInterfaces.event("name")), s -> count(s, names));
    }

    /** A column counting distinct values of {@code eventColumn} among the events named in {@code names}. */
    public static SessionColumn uniqueColumn(String interfaceId, String column, Set<String> names,
            String eventColumn, String what) {
        return new DerivedSessionColumn(interfaceId, field(column, INT64)
                .describedAs("Number of " + what + " in the session."),
                List.of(CoreInterfaces.event("name")), s -> unique(s, names, List.of(eventColumn)));
    }

    public static long count(Session session, Set<String> names) {
        return session.events().stream().filter(event -> names.contains(event.hit().getEventName())).count();
    }

    /**
     * Distinct keys among the events named in {@code names}; the key of an event is
     * {@code <event name>||<value>} for each of {@code columns}, a null printed as {@code <nil>} as Go prints it. The
     * event name is part of the key, so the same value under two names counts twice.
     */
    public static long unique(Session session, Set<String> names, List<String> columns) {
        Set<String> keys = new HashSet<>();
        for (Event event : session.events()) {
            String name = event.hit().getEventName();
            if (!names.contains(name)) {
                continue;
            }
            StringBuilder key = new StringBuilder();
            for (String column : columns) {
                if (event.values().containsKey(column)) {
                    Object value = event.values().get(column);
                    key.append(name).append("||").append(value == null ? "<nil>" : value);
                }
            }
            keys.add(key.toString());
        }
        return keys.size();
    }
}
