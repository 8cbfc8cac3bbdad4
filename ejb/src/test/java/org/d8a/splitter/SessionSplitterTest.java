package org.d8a.splitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.d8a.properties.PropertySettings;
import org.d8a.properties.SplitRules;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;
import org.junit.jupiter.api.Test;

/** The splitter sequences of spec/pipeline.md §5.3 (item 12 of §8.2). */
class SessionSplitterTest {

    private static final SplitRules NO_LIMITS = new SplitRules(Duration.ofDays(365), Integer.MAX_VALUE, true, true);

    /** The "–" of the spec's sequences: the event has no value at all for the column (a null is present). */
    private static final Object ABSENT = new Object();

    /** An event at {@code minutes} with the given user id and campaign column values, {@link #ABSENT} or any value. */
    private static Event event(long minutes, Object userId, Object campaign) {
        Hit hit = TestHits.bare("page_view");
        hit.setReceivedAtMillis(TestHits.T0 + Duration.ofMinutes(minutes).toMillis());
        Event event = new Event(hit, TestHits.PROPERTY);
        if (userId != ABSENT) {
            event.values().put("user_id", userId);
        }
        if (campaign != ABSENT) {
            event.values().put("utm_campaign", campaign);
        }
        return event;
    }

    private static Event event(long minutes) {
        return event(minutes, ABSENT, ABSENT);
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

    private static List<Event> campaigns(Object... values) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            events.add(event(i, ABSENT, values[i]));
        }
        return events;
    }

    private static List<Event> users(Object... values) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            events.add(event(i, values[i], ABSENT));
        }
        return events;
    }

    private static List<Event> unnamed(int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(i));
        }
        return events;
    }

    @Test
    void campaignSequencesOfV40() {
        List<Event> changed = campaigns("campaign1", ABSENT, "campaign2", ABSENT);
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), parts(NO_LIMITS, changed));
        assertEquals("utm_campaign_changed", changed.get(2).splitCause());
        // An explicit "" is a campaign value and splits (V40); production never gets there, the column casts "" to null.
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), parts(NO_LIMITS, campaigns("campaign1", ABSENT, "", ABSENT)));
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(NO_LIMITS, campaigns("campaign1", ABSENT, null, ABSENT)));
        assertEquals(List.of(List.of(0, 1, 2)), parts(NO_LIMITS, campaigns("campaign1", ABSENT, ABSENT)));
        assertEquals(List.of(List.of(0, 1, 2)), parts(NO_LIMITS, campaigns("c1", ABSENT, "c1")));
    }

    @Test
    void campaignAfterAnEmptyOneIsAChangeToo() {
        assertEquals(List.of(List.of(0), List.of(1)), parts(NO_LIMITS, campaigns("", "c1")));
    }

    @Test
    void nonStringValuesNeitherSplitNorAreRemembered() {
        // A numeric campaign is not a string: no split at it, and c1 is still the value c2 is compared with.
        assertEquals(List.of(List.of(0, 1), List.of(2)), parts(NO_LIMITS, campaigns("c1", 42L, "c2")));
        assertEquals(List.of(List.of(0, 1, 2)), parts(NO_LIMITS, campaigns("c1", 42L, "c1")));
        assertEquals(List.of(List.of(0, 1, 2)), parts(NO_LIMITS, users("u1", 7L, "u1")));
        assertEquals(List.of(List.of(0, 1), List.of(2)), parts(NO_LIMITS, users("u1", true, "u2")));
    }

    @Test
    void userIdSequencesOfSection53() {
        List<Event> changed = users("u1", ABSENT, "u2", ABSENT);
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), parts(NO_LIMITS, changed));
        assertEquals("user_id_changed", changed.get(2).splitCause());
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(NO_LIMITS, users(ABSENT, ABSENT, "u2", ABSENT)));
        assertEquals(List.of(List.of(0, 1, 2), List.of(3)), parts(NO_LIMITS, users(ABSENT, ABSENT, "u2", "u3")));
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(NO_LIMITS, users("u1", ABSENT, ABSENT, ABSENT)));
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(NO_LIMITS, users("u1", ABSENT, null, ABSENT)));
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(NO_LIMITS, users("u1", ABSENT, "", ABSENT)));
        // Neither null nor "" resets the remembered user id: u1 … u2 still splits across them.
        assertEquals(List.of(List.of(0, 1, 2), List.of(3)), parts(NO_LIMITS, users("u1", null, "", "u2")));
        SplitRules ignoringUsers = new SplitRules(Duration.ofDays(365), Integer.MAX_VALUE, false, true);
        assertEquals(List.of(List.of(0, 1, 2, 3)), parts(ignoringUsers, users("u1", ABSENT, "u2", ABSENT)));
    }

    @Test
    void maxEvents() {
        SplitRules three = new SplitRules(Duration.ofDays(365), 3, true, true);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3)), parts(three, unnamed(4)));
        SplitRules two = new SplitRules(Duration.ofDays(365), 2, true, true);
        List<Event> seven = unnamed(7);
        assertEquals(List.of(List.of(0, 1), List.of(2, 3), List.of(4, 5), List.of(6)), parts(two, seven));
        assertEquals("max_events_reached", seven.get(2).splitCause());
    }

    @Test
    void zeroOrNegativeLimitsMakeEveryEventASession() {
        // Spec §5.1 and §7.2: there is no "disabled" value; 0 (or less) splits at every event after the first.
        List<List<Integer>> singles = List.of(List.of(0), List.of(1), List.of(2));
        List<Event> zeroEvents = unnamed(3);
        assertEquals(singles, parts(new SplitRules(Duration.ofDays(365), 0, true, true), zeroEvents));
        assertEquals(Arrays.asList(null, "max_events_reached", "max_events_reached"),
                zeroEvents.stream().map(Event::splitCause).toList());
        assertEquals(singles, parts(new SplitRules(Duration.ofDays(365), -1, true, true), unnamed(3)));
        List<Event> zeroTime = unnamed(3);
        assertEquals(singles, parts(new SplitRules(Duration.ZERO, Integer.MAX_VALUE, true, true), zeroTime));
        assertEquals(Arrays.asList(null, "max_time_since_first_event_reached", "max_time_since_first_event_reached"),
                zeroTime.stream().map(Event::splitCause).toList());
        // Even events received in the same millisecond: the difference 0 reaches the limit 0.
        List<Event> sameInstant = List.of(event(0), event(0));
        assertEquals(List.of(List.of(0), List.of(1)),
                parts(new SplitRules(Duration.ZERO, Integer.MAX_VALUE, true, true), sameInstant));
    }

    @Test
    void timeSinceFirstEventIsInclusive() {
        SplitRules fiveMinutes = new SplitRules(Duration.ofMinutes(5), Integer.MAX_VALUE, true, true);
        assertEquals(List.of(List.of(0, 1), List.of(2, 3)), parts(fiveMinutes,
                List.of(event(0), event(2), event(5), event(7))));
        assertEquals(List.of(List.of(0), List.of(1), List.of(2), List.of(3)), parts(fiveMinutes,
                List.of(event(0), event(5), event(10), event(15))));
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
