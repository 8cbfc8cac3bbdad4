package org.d8a.sessions;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.d8a.hits.Hit;
import org.d8a.properties.PropertySettings;

/** A hit inside a closed session, with the column values computed for it so far. */
public final class Event {

    private final Hit hit;
    private final PropertySettings property;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<Object, Object> lookups = new HashMap<>();
    private String brokenReason;
    private String splitCause;
    private String trafficFilterName;

    public Event(Hit hit, PropertySettings property) {
        this.hit = hit;
        this.property = property;
    }

    public Hit hit() {
        return hit;
    }

    public PropertySettings property() {
        return property;
    }

    /** Column values by field name. */
    public Map<String, Object> values() {
        return values;
    }

    /**
     * The result of a lookup several columns of this event read (its device, its location), made once: the columns of
     * one lookup share a key. Columns of one session are computed on one thread.
     */
    @SuppressWarnings("unchecked")
    public <K, V> V lookup(K key, Function<K, V> lookup) {
        return (V) lookups.computeIfAbsent(key, k -> lookup.apply(key));
    }

    /** Why the splitter started a new session at this event ({@code utm_campaign_changed}, ...); null otherwise. */
    public String splitCause() {
        return splitCause;
    }

    public void setSplitCause(String splitCause) {
        this.splitCause = splitCause;
    }

    /** Name of the last test-mode traffic filter that matched this event; null when none did. */
    public String trafficFilterName() {
        return trafficFilterName;
    }

    public void setTrafficFilterName(String trafficFilterName) {
        this.trafficFilterName = trafficFilterName;
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
