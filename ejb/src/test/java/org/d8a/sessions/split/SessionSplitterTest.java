package org.d8a.sessions.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.d8a.properties.PropertySettings;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;
import org.junit.jupiter.api.Test;

/** The splitter sequences of spec/pipeline.md §5.3 (item 12 of §8.2). */
class SessionSplitterTest {

    private static final SplitRules NO_LIMITS = new SplitRules(Duration.ofDays(365), Integer.MAX_VALUE, true, true);

    /** An event at {@code minutes} with the given user id and campaign column values ({@code null}: absent). */
    private static Event event(long minutes, String userId, String campaign) {
        Hit hit = TestHits.bare("page_view");
        hit.setReceivedAtMillis(TestHits.T0 + Duration.ofMinutes(minutes).toMillis());
        Event event = new Event(hit, TestHits.PROPERTY);
        if (userId != null) {
            event.values().put("user_id", userId);
        }
        if (campaign != null) {
            event.values().put("utm_campaign", campaign);
        }
        return event;
    }

    /** Parts as lists of event indexes, and the split causes on the first event of each part. */
    private static List<List<Integer>> parts(SplitRules rules, List<Event> events) {
        List<Session> parts = new SessionSplitter(rules).split(new Session(TestHits.PROPERTY, events));
        List<List<Integer>> indexes = new ArrayList<>();
        for (Session part : parts) {
            indexes.add(part.events().stream().map(events::indexOf).toList());
        }
        return indexes;
    }

    private static List<Event> campaigns(String... values) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            events.add(event(i, null, values[i]));
        }
        return events;
    }

    private static List<Event> users(String... values) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            events.add(event(i, values[i], null));
        }
        return events;
    }

    @Test
    void campaignChangesBetweenNonEmptyValuesOnly() {
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(NO_LIMITS, campaigns("c1", null, null, null)));
        // The campaign column turns "" into null, so in production c1, -, "", - is one part (spec §5.3).
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(NO_LIMITS, campaigns("c1", null, "", null)));
        assertEquals(List.of(List.of(0, 1), List.of(2)), parts(NO_LIMITS, campaigns("c1", null, "c2")));
        assertEquals(List.of(List.of(0, 1, 2)), parts(NO_LIMITS, campaigns("c1", null, "c1")));
    }

    @Test
    void userIdChanges() {
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), parts(NO_LIMITS, users("u1", null, "u2", null)));
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(NO_LIMITS, users(null, null, "u2", null)));
        assertEquals(List.of(List.of(0, 1, 2), List.of(3)), parts(NO_LIMITS, users(null, null, "u2", "u3")));
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(NO_LIMITS, users("u1", null, null, null)));
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(NO_LIMITS, users("u1", null, "", null)));
        SplitRules ignoringUsers = new SplitRules(Duration.ofDays(365), Integer.MAX_VALUE, false, true);
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(ignoringUsers, users("u1", null, "u2", null)));
    }

    @Test
    void maxEvents() {
        SplitRules three = new SplitRules(Duration.ofDays(365), 3, true, true);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3)), parts(three, users(null, null, null, null)));
        SplitRules two = new SplitRules(Duration.ofDays(365), 2, true, true);
        assertEquals(List.of(List.of(0, 1), List.of(2, 3), List.of(4, 5), List.of(6)),
                parts(two, users(null, null, null, null, null, null, null)));
        SplitRules zero = new SplitRules(Duration.ofDays(365), 0, true, true);
        assertEquals(List.of(List.of(0), List.of(1), List.of(2)), parts(zero, users(null, null, null)));
    }

    @Test
    void timeSinceFirstEventIsInclusive() {
        SplitRules fiveMinutes = new SplitRules(Duration.ofMinutes(5), Integer.MAX_VALUE, true, true);
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), parts(fiveMinutes,
                List.of(event(0, null, null), event(2, null, null), event(5, null, null), event(7, null, null))));
        assertEquals(List.of(List.of(0), List.of(1), List.of(2), List.of(3)), parts(fiveMinutes,
                List.of(event(0, null, null), event(5, null, null), event(10, null, null), event(15, null, null))));
    }

    @Test
    void conditionsAreCheckedInOrderAndTheCauseIsRecorded() {
        SplitRules all = new SplitRules(Duration.ofMinutes(5), 3, true, true);
        List<Event> events = List.of(event(0, "u1", "c1"), event(1, "u1", "c1"), event(2, "u1", "c1"),
                event(3, "u1", "c2"), event(6, "u2", "c2"), event(7, "u2", "c2"));
        assertEquals(List.of(List.of(0, 1, 2), List.of(3), List.of(4, 5)), parts(all, events));
        assertEquals(Arrays.asList(null, null, null, "max_events_reached", "user_id_changed", null),
                events.stream().map(Event::splitCause).toList());
    }

    @Test
    void eachPartIsWrittenAsItsOwnSession() {
        Hit first = TestHits.pageView("page_view", 0, "https://example.com/?utm_campaign=spring", "A");
        Hit second = TestHits.pageView("page_view", 1, "https://example.com/?utm_campaign=summer", "B");
        PropertySettings defaults = new PropertySettings("p", "P", "-", "ga4", Duration.ofMinutes(30), List.of());
        var rows = TestHits.write(defaults, first, second);
        assertEquals(List.of(first.getId(), second.getId()), rows.stream().map(r -> r.get("session_id")).toList());
        assertEquals(Arrays.asList(null, "utm_campaign_changed"),
                rows.stream().map(r -> r.get("session_split_cause")).toList());
        assertEquals(List.of(1L, 1L), rows.stream().map(r -> r.get("session_total_events")).toList());
    }
}
