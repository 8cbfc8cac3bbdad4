package org.d8a.columns.session;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/** Counting events by name, and the reference's "unique" count (spec §2.6, unique rule). */
public final class EventCounts {

    private EventCounts() {
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
