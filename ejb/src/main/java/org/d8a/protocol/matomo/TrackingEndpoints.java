package org.d8a.protocol.matomo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The paths Matomo trackers send to (spec §1.1): {@code /matomo.php} always, then the configured extra paths. */
public final class TrackingEndpoints {

    /** The path served whatever the configuration says. */
    public static final String DEFAULT = "/matomo.php";

    private TrackingEndpoints() {
    }

    /**
     * {@link #DEFAULT} followed by {@code extras}, each trimmed, empty ones dropped, a missing leading {@code /} added,
     * duplicates removed keeping the first occurrence.
     */
    public static List<String> normalise(List<String> extras) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add(DEFAULT);
        for (String extra : extras) {
            String path = extra.strip();
            if (!path.isEmpty()) {
                paths.add(path.startsWith("/") ? path : "/" + path);
            }
        }
        return new ArrayList<>(paths);
    }
}
