package org.d8a.columns.session;

import static org.d8a.columns.TestHits.h1;
import static org.d8a.columns.TestHits.h2;
import static org.d8a.columns.TestHits.h3;
import static org.d8a.columns.TestHits.pageView;
import static org.d8a.columns.TestHits.put;
import static org.d8a.columns.TestHits.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.d8a.hits.Hit;
import org.junit.jupiter.api.Test;

/** Session and session-scoped event vectors V28-V31 and the dominant-client rule of spec §8.5-8.6. */
class SessionColumnsTest {

    private static final String SITE = "https://example.com";

    private static Hit pv(String event, long seconds, String dl, String dt) {
        return pageView(event, seconds, dl, dt);
    }

    private static Object onFirstRow(String column, Hit... hits) {
        return write(hits).get(0).get(column);
    }

    private static List<Object> perRow(String column, Hit... hits) {
        return write(hits).stream().map(row -> row.get(column)).toList();
    }

    /** Events named {@code names}, one second apart, on one page. */
    private static Hit[] events(String... names) {
        Hit[] hits = new Hit[names.length];
        for (int i = 0; i < names.length; i++) {
            hits[i] = pv(names[i], i, SITE + "/", "Home");
        }
        return hits;
    }

    @Test
    void v28PageViewSessionColumns() {
        assertNull(onFirstRow("session_entry_page_location", pv("scroll", 0, "https://a", "A")));
        assertEquals("https://entry", onFirstRow("session_entry_page_location", pv("scroll", 0, "https://x", "X"),
                pv("page_view", 1, "https://entry", "Entry")));
        assertEquals("https://p2", onFirstRow("session_second_page_location", pv("page_view", 0, "https://p1", "P1"),
                pv("page_view", 1, "https://p2", "P2"), pv("page_view", 2, "https://p3", "P3")));
        assertEquals("Exit", onFirstRow("session_exit_page_title", pv("page_view", 0, "https://p1", "P1"),
                pv("click", 1, "https://p2", "Ignored"), pv("page_view", 2, "https://p3", "Exit")));
        assertEquals("summer", onFirstRow("session_utm_campaign", pv("scroll", 0, "https://x?utm_campaign=ignored",
                "X"), pv("page_view", 1, "https://entry?utm_campaign=summer", "Entry")));
        assertEquals("abc123", onFirstRow("session_click_id_gclid", pv("scroll", 0, "https://x?gclid=ignored", "X"),
                pv("page_view", 1, "https://entry?gclid=abc123", "Entry")));
        Hit[] noPageView = {pv("scroll", 0, "https://a", "A"), pv("click", 1, "https://b", "B")};
        assertEquals(0L, onFirstRow("session_total_page_views", noPageView));
        assertEquals(false, onFirstRow("session_is_bounced", noPageView));
        Hit[] twoPages = {pv("page_view", 0, "https://a", "A"), pv("scroll", 1, "https://a", "A"),
            pv("page_view", 2, "https://b", "B")};
        assertEquals(2L, onFirstRow("session_total_page_views", twoPages));
        assertEquals(false, onFirstRow("session_is_bounced", twoPages));
        assertEquals(2L, onFirstRow("session_unique_page_views", pv("page_view", 0, "https://a", "A"),
                pv("page_view", 1, "https://a", "A"), pv("page_view", 2, "https://b", "B")));
        assertEquals(true, onFirstRow("session_is_bounced", pv("scroll", 0, "https://a", "A"),
                pv("page_view", 1, "https://b", "B"), pv("click", 2, "https://b", "B")));
    }

    @Test
    void v29Transitions() {
        Hit[] hits = {pv("page_view", 0, SITE + "/page1", "Page 1"), pv("page_view", 1, SITE + "/page2", "Page 2"),
            pv("scroll", 2, SITE + "/page2", "Page 2"), pv("scroll", 3, SITE + "/page2", "Page 2"),
            pv("page_view", 4, SITE + "/page3", "Page 3")};
        assertEquals(Arrays.asList(null, SITE + "/page1", SITE + "/page1", SITE + "/page1", SITE + "/page2"),
                perRow("previous_page_location", hits));
        assertEquals(Arrays.asList(SITE + "/page2", SITE + "/page3", SITE + "/page3", SITE + "/page3", null),
                perRow("next_page_location", hits));
        assertEquals(Arrays.asList(null, "Page 1", "Page 1", "Page 1", "Page 2"), perRow("previous_page_title", hits));
        assertEquals(Arrays.asList("Page 2", "Page 3", "Page 3", "Page 3", null), perRow("next_page_title", hits));
    }

    @Test
    void v30EntryExitBounceFlags() {
        assertFlags(events("scroll", "click"), "false false", "false false", "false false");
        assertFlags(events("page_view"), "true", "true", "true");
        assertFlags(events("scroll", "page_view", "click", "page_view", "download"), "false true false false false",
                "false false false true false", "false false false false false");
        assertFlags(events("page_view", "page_view", "page_view"), "true false false", "false false true",
                "false false false");
        assertFlags(events("scroll", "page_view", "page_view", "click"), "false true false false",
                "false false true false", "false false false false");
        assertFlags(events("scroll", "page_view", "click"), "false true false", "false true false",
                "false true false");
    }

    private static void assertFlags(Hit[] hits, String entry, String exit, String bounce) {
        assertEquals(booleans(entry), perRow("session_is_entry_page", hits), "entry");
        assertEquals(booleans(exit), perRow("session_is_exit_page", hits), "exit");
        assertEquals(booleans(bounce), perRow("page_is_bounce", hits), "bounce");
    }

    private static List<Object> booleans(String words) {
        return Arrays.stream(words.split(" ")).map(word -> (Object) Boolean.valueOf(word)).toList();
    }

    @Test
    void v31TimeOnPage() {
        assertTimes("scroll@0 click@1 page_view@5 scroll@6", 5, 5, 1, 1);
        assertTimes("page_view@0 scroll@1 page_view@10", 10, 10, 0);
        assertTimes("scroll@0 click@2 download@5", 5, 5, 5);
        assertTimes("page_view@0", 0);
        assertTimes("page_view@0 scroll@1 page_view@10 click@12 page_view@15 download@18", 10, 10, 5, 5, 3, 3);
        assertTimes("page_view@0 page_view@5 page_view@10", 5, 5, 0);
        Hit[] samePage = {pv("page_view", 0, SITE + "/page1", "1"), pv("page_view", 0, SITE + "/page2", "2"),
            pv("scroll", 1, SITE + "/page2", "2")};
        assertEquals(List.of(0L, 1L, 1L), perRow("time_on_page", samePage));
    }

    private static void assertTimes(String events, long... expected) {
        List<Hit> hits = new ArrayList<>();
        for (String event : events.split(" ")) {
            String[] nameAndTime = event.split("@");
            hits.add(pv(nameAndTime[0], Long.parseLong(nameAndTime[1]), SITE + "/", "Home"));
        }
        assertEquals(Arrays.stream(expected).boxed().toList(), perRow("time_on_page", hits.toArray(Hit[]::new)),
                events);
    }

    @Test
    void sessionValuesComeFromTheDominantClientsFirstEvent() {
        Hit a = put(h1(), "ul", "en-us", "sr", "1024x768");
        Hit b1 = put(h2(), "cid", "client-b", "ul", "de-de", "sr", "390x844");
        b1.setClientId("client-b");
        Hit b2 = put(h3(), "cid", "client-b", "ul", "es-es", "sr", "2560x1440");
        b2.setClientId("client-b");
        Map<String, Object> row = write(a, b1, b2).get(0);
        assertEquals("de-de", row.get("session_device_language"));
        assertEquals("390x844", row.get("session_device_screen_resolution"));

        Hit withoutResolution = h1();
        withoutResolution.getQueryParams().remove("sr");
        assertNull(write(withoutResolution).get(0).get("session_device_screen_resolution"));

        // a tie (2-2) goes to the client seen first, whose first event lacks the value
        Hit a1 = put(h1(), "ul", "");
        a1.getHeaders().clear();
        Hit bFirst = put(h2(), "ul", "b-first");
        Hit a2 = put(h3(), "ul", "a-second");
        a2.setClientId(a1.getClientId());
        Hit bSecond = put(h2(), "ul", "b-second");
        bSecond.setId("test-hit-two-b");
        bSecond.setReceivedAtMillis(h3().getReceivedAtMillis() + 1000);
        assertNull(write(a1, bFirst, a2, bSecond).get(0).get("session_device_language"));
    }
}
