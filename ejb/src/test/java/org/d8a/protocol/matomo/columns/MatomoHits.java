package org.d8a.protocol.matomo.columns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.d8a.properties.FilterRules;
import org.d8a.properties.JoinRules;
import org.d8a.properties.PropertySettings;
import org.d8a.properties.SplitRules;

/** The Matomo column-test fixtures of spec/matomo-protocol.md §4: the test property and BASE_M. */
final class MatomoHits {

    /** A Matomo property without excluded URL parameters, filters or splitting, like the reference's tests. */
    static final PropertySettings PROPERTY = withExclusions(List.of());

    private MatomoHits() {
    }

    static PropertySettings withExclusions(List<String> excluded) {
        return new PropertySettings("1234567890", "Test Property", "-", "matomo", Duration.ofMinutes(30), excluded,
                0, JoinRules.DEFAULTS, new SplitRules(Duration.ofDays(3650), Integer.MAX_VALUE, false, false),
                FilterRules.NONE, PropertySettings.DEFAULT_TABLE);
    }

    /** BASE_M: GET /matomo.php, idsite=42&rec=1&url=https://example.com/&action_name=Home&_id=abc123, no headers. */
    static Hit base(String... keyValues) {
        Hit hit = new Hit();
        hit.setId("matomo-hit-" + System.nanoTime());
        hit.setClientId("abc123");
        hit.setAuthoritativeClientId("abc123");
        hit.setPropertyId(PROPERTY.id());
        hit.setEventName("page_view");
        hit.setIp("127.0.0.1");
        hit.setHost("example.com");
        hit.setPath("/matomo.php");
        hit.setMethod("GET");
        hit.setReceivedAtMillis(TestHits.T0);
        hit.setQueryParams(new LinkedHashMap<>());
        hit.setHeaders(new LinkedHashMap<>());
        hit.getMetadata().put("protocol", "matomo");
        TestHits.put(hit, "idsite", "42", "rec", "1", "url", "https://example.com/", "action_name", "Home",
                "_id", "abc123");
        return TestHits.put(hit, keyValues);
    }

    /** BASE_M with {@code keyValues} removed first: the hit has none of those keys. */
    static Hit without(String... keys) {
        Hit hit = base();
        for (String key : keys) {
            hit.getQueryParams().remove(key);
        }
        return hit;
    }

    /** The rows of {@code hits} as one session of {@code property}. */
    static List<Map<String, Object>> write(PropertySettings property, Hit... hits) {
        return TestHits.write(property, hits);
    }

    /** The only row of {@code hit} as a session of its own. */
    static Map<String, Object> row(Hit hit) {
        List<Map<String, Object>> rows = write(PROPERTY, hit);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size());
        }
        return rows.get(0);
    }

    /** A list of structs as the columns write them: maps of field to value, fields in order. */
    static List<Map<String, Object>> structs(Object... fieldValues) {
        List<Map<String, Object>> list = new ArrayList<>();
        Map<String, Object> current = null;
        for (int i = 0; i < fieldValues.length; i += 2) {
            if (current == null || current.containsKey((String) fieldValues[i])) {
                current = new LinkedHashMap<>();
                list.add(current);
            }
            current.put((String) fieldValues[i], fieldValues[i + 1]);
        }
        return list;
    }
}
