package org.d8a.protocol.matomo.columns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.d8a.columns.casts.Casts;
import org.d8a.hits.Hit;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * Matomo custom dimensions (spec §2.6.2): every {@code dimension<N>} key whose N is a base-10 integer, with its last
 * non-empty value, as {@code {slot, value}} sorted by slot; visit and action scope alike.
 */
final class CustomDimensions {

    private static final String PREFIX = "dimension";

    private CustomDimensions() {
    }

    /** The event's dimensions, null when it has none. */
    static List<Map<String, Object>> of(Event event) {
        List<Map<String, Object>> dimensions = new ArrayList<>();
        parse(event.hit()).forEach(entry -> dimensions.add(entry));
        dimensions.sort(Comparator.comparingLong(d -> (Long) d.get("slot")));
        return dimensions.isEmpty() ? null : dimensions;
    }

    /** The session's dimensions: each event's override the earlier ones slot by slot; null when none. */
    static List<Map<String, Object>> ofSession(Session session) {
        Map<Long, Object> bySlot = new TreeMap<>();
        for (Event event : session.events()) {
            for (Map<String, Object> entry : parse(event.hit())) {
                bySlot.put((Long) entry.get("slot"), entry.get("value"));
            }
        }
        List<Map<String, Object>> dimensions = new ArrayList<>();
        bySlot.forEach((slot, value) -> dimensions.add(entry(slot, value)));
        return dimensions.isEmpty() ? null : dimensions;
    }

    private static List<Map<String, Object>> parse(Hit hit) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String key : hit.getQueryParams().keySet()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            Long slot = Casts.int64(key.substring(PREFIX.length()));
            String value = MatomoParams.last(hit.getQueryParams(), key);
            if (slot != null && !value.isEmpty()) {
                entries.add(entry(slot, value));
            }
        }
        return entries;
    }

    private static Map<String, Object> entry(long slot, Object value) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("slot", slot);
        entry.put("value", value);
        return entry;
    }
}
