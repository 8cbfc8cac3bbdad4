package org.d8a.rows;

import static org.d8a.columns.TestHits.T0;
import static org.d8a.columns.TestHits.h1;
import static org.d8a.columns.TestHits.h2;
import static org.d8a.columns.TestHits.h3;
import static org.d8a.columns.TestHits.pageView;
import static org.d8a.columns.TestHits.put;
import static org.d8a.columns.TestHits.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.d8a.columns.TestHits;
import org.d8a.filters.TrafficFilter;
import org.d8a.hits.Hit;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;
import org.junit.jupiter.api.Test;

/** Session vectors V24 and V25 of spec/ga4-protocol-and-columns.md §8.5, and the broken-event deliberate fix. */
class RowBuilderTest {

    @Test
    void v24HitAndPageNumbers() {
        assertEquals(List.of(0L, 1L, 2L), write(h1(), h2(), h3()).stream().map(r -> r.get("session_hit_number"))
                .toList());
        Hit third = put(h3(), "dl", "https%3A%2F%2Fd8a-tech.github.io%2Fanalytics-playground%2Ffoobar.html");
        assertEquals(List.of(0L, 0L, 1L), write(h1(), h2(), third).stream().map(r -> r.get("session_page_number"))
                .toList());
    }

    @Test
    void v25SessionBasics() {
        List<Map<String, Object>> rows = write(h1(), h2(), h3());
        for (Map<String, Object> row : rows) {
            assertEquals(Instant.ofEpochSecond(1735732800), row.get("session_first_event_time"));
            assertEquals(Instant.ofEpochSecond(1735732810), row.get("session_last_event_time"));
            assertEquals(3L, row.get("session_total_events"));
            assertEquals("https://example.com", row.get("session_referrer"));
            assertEquals(10L, row.get("session_duration"));
            assertEquals("test-hit-one", row.get("session_id"));
            assertEquals("ag9", row.get("session_client_id"));
        }
        Map<String, Object> first = rows.get(0);
        assertEquals("test-hit-one", first.get("id"));
        assertEquals("page_view", first.get("name"));
        assertEquals("G-5T0Z13HKP4", first.get("property_id"));
        assertEquals("Test Property", first.get("property_name"));
        assertEquals("ag9", first.get("client_id"));
        assertEquals(null, first.get("user_id"));
        assertEquals(LocalDate.of(2025, 1, 1), first.get("date_utc"));
        assertEquals(Instant.parse("2025-01-01T12:00:00Z"), first.get("timestamp_utc"));
    }

    /** Deliberate fix (ARCHITECTURE.md): a broken event is removed before session values are computed. */
    @Test
    void brokenEventIsDroppedBeforeSessionValuesAreComputed() {
        Hit broken = pageView("page_view", 0, "https://example.com/", "Broken");
        put(broken, "tid", "");
        Hit kept = pageView("page_view", 1, "https://example.com/a", "A");
        Hit alsoKept = pageView("scroll", 3, "https://example.com/a", "A");

        List<Map<String, Object>> rows = write(broken, kept, alsoKept);

        assertEquals(List.of(kept.getId(), alsoKept.getId()), rows.stream().map(r -> r.get("id")).toList());
        assertEquals(List.of(0L, 1L), rows.stream().map(r -> r.get("session_hit_number")).toList());
        rows.forEach(row -> {
            assertEquals(kept.getId(), row.get("session_id"));
            assertEquals(2L, row.get("session_total_events"));
            assertEquals(2L, row.get("session_duration"));
            assertEquals(T0 + 1000, ((Instant) row.get("session_first_event_time")).toEpochMilli());
        });
    }

    @Test
    void droppedEventsAreReportedWithTheirReason() throws Exception {
        Hit broken = put(h1(), "tid", "");
        RowBuilder writer = new RowBuilder(TestHits.columns(TestHits.PROPERTY), TrafficFilter.NONE);
        writer.rows(List.of(new Session(TestHits.PROPERTY, List.of(new Event(broken, TestHits.PROPERTY),
                new Event(h2(), TestHits.PROPERTY)))));
        assertEquals(1, writer.dropped().size());
        Dropped dropped = writer.dropped().get(0);
        assertEquals(Dropped.EVENT, dropped.kind());
        assertEquals(List.of(broken), dropped.hits());
        assertTrue(dropped.reason().contains("measurement_id"), dropped.reason());
    }

    @Test
    void sessionWithOnlyBrokenEventsWritesNothing() {
        assertEquals(List.of(), write(put(h1(), "tid", "")));
    }
}
