package org.d8a.sessions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.d8a.properties.PropertySettings;

/** A closed session: its events in session order and the session column values computed for it. */
public final class Session {

    private final PropertySettings property;
    private final List<Event> events;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<Object, Object> lookups = new HashMap<>();
    private String brokenReason;

    public Session(PropertySettings property, List<Event> events) {
        this.property = property;
        this.events = new ArrayList<>(events);
    }

    public PropertySettings property() {
        return property;
    }

    public List<Event> events() {
        return events;
    }

    public Event first() {
        return events.get(0);
    }

    public Event last() {
        return events.get(events.size() - 1);
    }

    /** The result of a lookup several session columns read (its traffic source), made once per key. */
    @SuppressWarnings("unchecked")
    public <K, V> V lookup(K key, Function<K, V> lookup) {
        return (V) lookups.computeIfAbsent(key, k -> lookup.apply(key));
    }

    /** Session column values by field name, repeated on every row of the session. */
    public Map<String, Object> values() {
        return values;
    }

    public boolean isBroken() {
        return brokenReason != null;
    }

    public String brokenReason() {
        return brokenReason;
    }

    public void markBroken(String reason) {
        if (brokenReason == null) {
            brokenReason = reason;
        }
    }
}
