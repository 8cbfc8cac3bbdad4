package org.d8a.rows;

import java.util.List;
import org.d8a.hits.Hit;

/**
 * An event or a session the writer left out because a column broke it (spec/pipeline.md §4.5).
 *
 * @param kind {@link #EVENT} or {@link #SESSION}
 */
public record Dropped(String kind, String reason, List<Hit> hits) {

    public static final String EVENT = "event";
    public static final String SESSION = "session";
}
