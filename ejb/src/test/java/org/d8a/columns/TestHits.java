package org.d8a.columns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.d8a.catalog.ColumnCatalog;
import org.d8a.filters.TrafficFilter;
import org.d8a.hits.Hit;
import org.d8a.properties.FilterRules;
import org.d8a.properties.JoinRules;
import org.d8a.properties.PropertySettings;
import org.d8a.properties.SplitRules;
import org.d8a.rows.RowBuilder;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * The fixtures of spec/ga4-protocol-and-columns.md §8.0: the test property, base hits H1-H4, page-view and bare hits,
 * and a harness that hands hits to the session writer as one session, as the reference's column tests do.
 */
public final class TestHits {

    /** The reference's column-test property: no excluded URL parameters, no filters, no splitting. */
    public static final PropertySettings PROPERTY = new PropertySettings("1234567890", "Test Property",
            "G-2VEWJC5YPE", "ga4", Duration.ofMinutes(30), List.of(), 0, JoinRules.DEFAULTS,
            new SplitRules(Duration.ofDays(3650), Integer.MAX_VALUE, false, false), FilterRules.NONE,
            PropertySettings.DEFAULT_TABLE);
    /** 2025-01-01T12:00:00Z, the time page-view hits count from. */
    public static final long T0 = Instant.parse("2025-01-01T12:00:00Z").toEpochMilli();

    private TestHits() {
    }

    /** TestHitOne: a gtag page_view, received at T0. */
    public static Hit h1() {
        Hit hit = hit("test-hit-one", "ag9", "page_view", "127.0.0.1", T0);
        hit.setPropertyId("G-5T0Z13HKP4");
        put(hit, "v", "2", "tid", "G-5T0Z13HKP4", "gtm", "45je5580h2v9219555710za200", "_p", "1746817938582",
                "gcd", "13l3l3l2l1l1", "npa", "1", "cid", "ag9", "ul", "en-us", "sr", "1745x982", "uap", "Linux",
                "uapv", "6.14.5", "_s", "1", "sid", "1746817858", "sct", "1", "seg", "1",
                "dl", "https%3A%2F%2Fd8a-tech.github.io%2Fanalytics-playground%2Findex.html",
                "dr", "https://example.com", "dt", "Food%20Shop", "en", "page_view", "_ee", "1", "tfd", "565",
                "fss", "127.0.0.1", "ep.content_group", "product", "ep.content_id", "C_1234");
        hit.getHeaders().put("user-agent", List.of("Mozilla/5.0 (X11; Linux x86_64)"));
        hit.getHeaders().put("accept-language", List.of("en-US,en;q=0.9"));
        return hit;
    }

    /** TestHitTwo: like H1, a scroll of client ag8, received at T0 + 5 s. */
    public static Hit h2() {
        Hit hit = h1();
        hit.setId("test-hit-two");
        hit.setClientId("ag8");
        hit.setAuthoritativeClientId("ag8");
        hit.setEventName("scroll");
        hit.setIp("127.0.0.2");
        hit.setReceivedAtMillis(T0 + 5_000);
        put(hit, "cid", "ag8", "en", "scroll", "_s", "2",
                "dr", "https%3A%2F%2Fd8a-tech.github.io%2Fanalytics-playground%2Fcheckout.html",
                "epn.percent_scrolled", "90", "_et", "10", "fss", "127.0.0.2");
        return hit;
    }

    /** TestHitThree: a page_view of client ag7 without ep.* params, received at T0 + 10 s. */
    public static Hit h3() {
        Hit hit = h1();
        hit.setId("test-hit-three");
        hit.setClientId("ag7");
        hit.setAuthoritativeClientId("ag7");
        hit.setReceivedAtMillis(T0 + 10_000);
        hit.getQueryParams().keySet().removeIf(key -> key.startsWith("ep."));
        put(hit, "cid", "ag7", "dr", "https%3A%2F%2Fd8a-tech.github.io%2Fanalytics-playground%2Fcheckout.html");
        return hit;
    }

    /** TestHitFour: a user_engagement of client ai7, received at T0 + 15 s. */
    public static Hit h4() {
        Hit hit = h1();
        hit.setId("test-hit-four");
        hit.setClientId("ai7");
        hit.setAuthoritativeClientId("ai7");
        hit.setEventName("user_engagement");
        hit.setIp("127.0.0.11");
        hit.setReceivedAtMillis(T0 + 15_000);
        put(hit, "cid", "ai7", "en", "user_engagement", "_et", "16002");
        return hit;
    }

    /** newPageViewTestHit: an event named {@code eventName} on page {@code dl}, received T0 + {@code seconds}. */
    public static Hit pageView(String eventName, long seconds, String dl, String dt) {
        Hit hit = bare(eventName);
        hit.setReceivedAtMillis(T0 + seconds * 1000);
        put(hit, "v", "2", "en", eventName, "dl", dl, "dt", dt);
        return hit;
    }

    /** A hit with a random id and client id whose only parameters are tid, en and {@code keyValues}. */
    public static Hit bare(String eventName, String... keyValues) {
        String clientId = UUID.randomUUID().toString();
        Hit hit = hit(UUID.randomUUID().toString(), clientId, eventName, "127.0.0.1", T0);
        put(hit, "tid", "G-TESTMEASUREMENTID", "en", eventName);
        put(hit, keyValues);
        return hit;
    }

    /** Sets (replaces) query parameters of {@code hit}: key, value, key, value... */
    public static Hit put(Hit hit, String... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            hit.getQueryParams().put(keyValues[i], new ArrayList<>(List.of(keyValues[i + 1])));
        }
        return hit;
    }

    /** Adds one more value to a query parameter of {@code hit}. */
    public static Hit add(Hit hit, String key, String value) {
        hit.getQueryParams().computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        return hit;
    }

    /** The built-in columns of {@code property}, with the offline test enrichment. */
    public static ColumnSet columns(PropertySettings property) {
        return ColumnCatalog.columnsFor(property, List.of(), TestEnrichment.offline());
    }

    /** The rows the session writer produces for {@code hits} as one session of {@code property}, in order. */
    public static List<Map<String, Object>> write(PropertySettings property, Hit... hits) {
        return write(columns(property), property, hits);
    }

    /** The rows of {@code hits} as one session of {@code property}, written with {@code columns}. */
    public static List<Map<String, Object>> write(ColumnSet columns, PropertySettings property, Hit... hits) {
        List<Event> events = new ArrayList<>();
        for (Hit hit : hits) {
            events.add(new Event(hit, property));
        }
        try {
            return new RowBuilder(columns, TrafficFilter.of(property.filter())).rows(List.of(new Session(property, events)));
        } catch (RetryableColumnException e) {
            throw new AssertionError(e);
        }
    }

    /** The rows of {@code hits} as one session of the test property. */
    public static List<Map<String, Object>> write(Hit... hits) {
        return write(PROPERTY, hits);
    }

    private static Hit hit(String id, String clientId, String eventName, String ip, long receivedAt) {
        Hit hit = new Hit();
        hit.setId(id);
        hit.setClientId(clientId);
        hit.setAuthoritativeClientId(clientId);
        hit.setPropertyId(PROPERTY.id());
        hit.setEventName(eventName);
        hit.setIp(ip);
        hit.setHost("localhost");
        hit.setPath("/g/collect");
        hit.setMethod("GET");
        hit.setReceivedAtMillis(receivedAt);
        hit.setQueryParams(new LinkedHashMap<>());
        hit.setHeaders(new LinkedHashMap<>());
        hit.getMetadata().put("protocol", "ga4");
        return hit;
    }
}
