package org.d8a.sessions.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.d8a.columns.ColumnCatalog;
import org.d8a.hits.Hit;
import org.d8a.properties.PropertySettings;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;
import org.junit.jupiter.api.Test;

/** Session vectors V24 and V25 of spec/ga4-protocol-and-columns.md §8.5, on the columns built so far. */
class SessionWriterTest {

    private static final PropertySettings PROPERTY =
            new PropertySettings("1234567890", "Test Property", "G-2VEWJC5YPE", "ga4", Duration.ofMinutes(30), List.of());
    private static final long T0 = Instant.parse("2025-01-01T12:00:00Z").toEpochMilli();

    private static Hit hit(String id, String clientId, String eventName, long receivedAt) {
        Hit hit = new Hit();
        hit.setId(id);
        hit.setClientId(clientId);
        hit.setAuthoritativeClientId(clientId);
        hit.setPropertyId("G-5T0Z13HKP4");
        hit.setEventName(eventName);
        hit.setReceivedAtMillis(receivedAt);
        hit.getQueryParams().put("dl", List.of("https%3A%2F%2Fd8a-tech.github.io%2Fanalytics-playground%2Findex.html"));
        hit.getQueryParams().put("dr", List.of("https://example.com"));
        hit.getQueryParams().put("dt", List.of("Food%20Shop"));
        return hit;
    }

    private static List<Map<String, Object>> write(Hit... hits) throws Exception {
        List<Event> events = new ArrayList<>();
        for (Hit hit : hits) {
            events.add(new Event(hit, PROPERTY));
        }
        return new SessionWriter(ColumnCatalog.columnsFor(PROPERTY)).rows(List.of(new Session(PROPERTY, events)));
    }

    @Test
    void v24AndV25SessionBasics() throws Exception {
        List<Map<String, Object>> rows = write(
                hit("test-hit-one", "ag9", "page_view", T0),
                hit("test-hit-two", "ag8", "scroll", T0 + 5_000),
                hit("test-hit-three", "ag7", "page_view", T0 + 10_000));

        assertEquals(List.of(0L, 1L, 2L), rows.stream().map(r -> r.get("session_hit_number")).toList());
        for (Map<String, Object> row : rows) {
            assertEquals(Instant.ofEpochSecond(1735732800), row.get("session_first_event_time"));
            assertEquals(Instant.ofEpochSecond(1735732810), row.get("session_last_event_time"));
            assertEquals(3L, row.get("session_total_events"));
            assertEquals(10L, row.get("session_duration"));
            assertEquals("test-hit-one", row.get("session_id"));
        }
        Map<String, Object> first = rows.get(0);
        assertEquals("test-hit-one", first.get("id"));
        assertEquals("page_view", first.get("name"));
        assertEquals("G-5T0Z13HKP4", first.get("property_id"));
        assertEquals("Test Property", first.get("property_name"));
        assertEquals("ag9", first.get("client_id"));
        assertEquals(null, first.get("user_id"));
        assertEquals("https%3A%2F%2Fd8a-tech.github.io%2Fanalytics-playground%2Findex.html", first.get("page_location"));
        assertEquals("Food%20Shop", first.get("page_title"));
        assertEquals("https://example.com", first.get("page_referrer"));
        assertEquals(java.time.LocalDate.of(2025, 1, 1), first.get("date_utc"));
        assertEquals(Instant.parse("2025-01-01T12:00:00Z"), first.get("timestamp_utc"));
    }

    @Test
    void brokenEventIsDroppedBeforeSessionValuesAreComputed() throws Exception {
        List<Map<String, Object>> rows = write(
                hit("broken", "ag9", "", T0),
                hit("kept-1", "ag9", "page_view", T0 + 1_000),
                hit("kept-2", "ag9", "scroll", T0 + 3_000));

        assertEquals(List.of("kept-1", "kept-2"), rows.stream().map(r -> r.get("id")).toList());
        assertEquals(List.of(0L, 1L), rows.stream().map(r -> r.get("session_hit_number")).toList());
        rows.forEach(row -> {
            assertEquals("kept-1", row.get("session_id"));
            assertEquals(2L, row.get("session_total_events"));
            assertEquals(2L, row.get("session_duration"));
        });
    }

    @Test
    void sessionWithOnlyBrokenEventsWritesNothing() throws Exception {
        assertEquals(List.of(), write(hit("broken", "ag9", "", T0)));
    }
}
