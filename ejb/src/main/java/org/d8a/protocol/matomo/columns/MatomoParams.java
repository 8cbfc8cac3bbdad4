package org.d8a.protocol.matomo.columns;

import java.util.List;
import java.util.Map;
import org.d8a.columns.casts.Casts;
import org.d8a.sessions.Event;

/** The value kinds of spec/matomo-protocol.md (conventions): how a Matomo column reads its query parameter. */
enum MatomoParams {
    /** S: empty → null, otherwise cut to 8096 bytes. */
    STR,
    /** N: empty → null, not cut. */
    UNCUT,
    /** F: Go {@code ParseFloat}; empty or invalid → null. */
    FLOAT,
    /** I: Go {@code ParseInt}; empty or invalid → null. */
    INT;

    Object read(Event event, String key) {
        String text = event.hit().param(key);
        return switch (this) {
            case STR -> Casts.str(text);
            case UNCUT -> text.isEmpty() ? null : text;
            case FLOAT -> Casts.float64(text);
            case INT -> Casts.int64(text);
        };
    }

    /** The last value of {@code key} ({@code dimensionN} reads it; every other key reads the first). */
    static String last(Map<String, List<String>> parameters, String key) {
        List<String> values = parameters.get(key);
        return values == null || values.isEmpty() ? "" : values.get(values.size() - 1);
    }
}
