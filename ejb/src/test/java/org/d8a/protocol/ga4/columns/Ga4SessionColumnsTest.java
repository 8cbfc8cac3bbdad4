package org.d8a.protocol.ga4.columns;

import static org.d8a.columns.TestHits.h1;
import static org.d8a.columns.TestHits.h2;
import static org.d8a.columns.TestHits.pageView;
import static org.d8a.columns.TestHits.put;
import static org.d8a.columns.TestHits.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.d8a.hits.Hit;
import org.junit.jupiter.api.Test;

/** GA4 session columns, vector V32 of spec/ga4-protocol-and-columns.md §8.5. */
class Ga4SessionColumnsTest {

    private static Hit named(Hit hit, String name, String... keyValues) {
        hit.setEventName(name);
        return put(hit, keyValues);
    }

    private static Object session(String column, Hit... hits) {
        return write(hits).get(0).get(column);
    }

    /** Events named {@code specs}, one second apart; a spec {@code click{ep.link_url=x}} adds a parameter. */
    private static Hit[] events(String... specs) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < specs.length; i++) {
            String spec = specs[i];
            String name = spec.contains("{") ? spec.substring(0, spec.indexOf('{')) : spec;
            Hit hit = pageView(name, i, "https://example.com/", "Home");
            if (spec.contains("{")) {
                String[] pair = spec.substring(spec.indexOf('{') + 1, spec.length() - 1).split("=");
                put(hit, pair[0], pair[1]);
            }
            hits.add(hit);
        }
        return hits.toArray(Hit[]::new);
    }

    @Test
    void isEngaged() {
        assertEquals(true, session("session_is_engaged", put(h1(), "seg", "1")));
        assertEquals(false, session("session_is_engaged", put(h1(), "seg", "")));
        assertEquals(false, session("session_is_engaged", put(h1(), "seg", "invalid")));
        assertEquals(true, session("session_is_engaged", put(h1(), "seg", ""), put(h2(), "seg", "1")));
        assertEquals(true, session("session_is_engaged", named(h1(), "page_view", "seg", ""),
                named(h2(), "page_view", "seg", "")));
        assertEquals(false, session("session_is_engaged", named(h1(), "page_view", "seg", "")));
        assertEquals(true, session("session_is_engaged", named(h1(), "screen_view", "seg", ""),
                named(h2(), "screen_view", "seg", "")));
        assertEquals(false, session("session_is_engaged", named(h1(), "screen_view", "seg", "")));
        assertEquals(true, session("session_is_engaged", named(h1(), "purchase", "seg", "")));
    }

    @Test
    void returningUser() {
        assertEquals(false, session("session_returning_user", named(h1(), "purchase", "sct", "1")));
        assertEquals(true, session("session_returning_user", named(h1(), "purchase", "sct", "2")));
        Hit withoutCount = named(h1(), "purchase");
        withoutCount.getQueryParams().remove("sct");
        assertEquals(false, session("session_returning_user", withoutCount));
        assertEquals(true, session("session_returning_user", put(h1(), "sct", "99"), put(h2(), "sct", "1")));
        assertEquals(true, session("session_returning_user", put(h1(), "sct", "1"), put(h2(), "sct", "99")));
    }

    @Test
    void abandonedCart() {
        assertEquals(true, session("session_abandoned_cart", events("add_to_cart")));
        assertEquals(false, session("session_abandoned_cart", events("add_to_cart", "purchase")));
        assertEquals(true, session("session_abandoned_cart", events("purchase", "add_to_cart")));
        assertEquals(true, session("session_abandoned_cart", events("page_view", "purchase", "add_to_cart")));
        assertEquals(true, session("session_abandoned_cart", events("add_to_cart", "purchase", "page_view",
                "add_to_cart")));
        assertEquals(false, session("session_abandoned_cart", events("add_to_cart", "add_to_cart", "purchase")));
        assertEquals(false, session("session_abandoned_cart", events("page_view", "purchase")));
        assertEquals(false, session("session_abandoned_cart", events("purchase")));
    }

    @Test
    void counts() {
        assertEquals(2L, session("session_total_purchases", events("purchase", "purchase")));
        assertEquals(1L, session("session_total_purchases", events("purchase", "page_view")));
        assertEquals(2L, session("session_total_scrolls", events("scroll", "scroll")));
        assertEquals(2L, session("session_total_outbound_clicks", events("click", "click")));
        assertEquals(1L, session("session_unique_outbound_clicks", events("click{ep.link_url=https://example.com/page}",
                "click{ep.link_url=https://example.com/page}")));
        assertEquals(2L, session("session_unique_outbound_clicks", events("click{ep.link_url=page1}",
                "click{ep.link_url=page2}")));
        assertEquals(2L, session("session_total_site_searches", events("view_search_results", "search")));
        assertEquals(2L, session("session_unique_site_searches", events("view_search_results{ep.search_term=t1}",
                "search{ep.search_term=t1}")));
        assertEquals(2L, session("session_total_form_interactions", events("form_submit", "form_start")));
        assertEquals(2L, session("session_unique_form_interactions", events("form_submit{ep.form_id=form_id1}",
                "form_start{ep.form_id=form_id1}")));
        assertEquals(2L, session("session_total_video_engagements", events("video_start", "video_complete")));
        Hit[] sameFile = events("file_download{ep.link_url=file1}", "file_download{ep.link_url=file1}");
        assertEquals(2L, session("session_total_file_downloads", sameFile));
        assertEquals(1L, session("session_unique_file_downloads", sameFile));
        assertEquals(2L, session("session_unique_file_downloads", events("file_download{ep.link_url=file1}",
                "file_download{ep.link_url=file2}")));
        Map<String, Object> none = write(events("page_view", "page_view")).get(0);
        for (String counter : List.of("session_total_purchases", "session_total_scrolls",
                "session_total_outbound_clicks", "session_unique_outbound_clicks", "session_total_site_searches",
                "session_unique_site_searches", "session_total_form_interactions", "session_unique_form_interactions",
                "session_total_video_engagements", "session_total_file_downloads", "session_unique_file_downloads")) {
            assertEquals(0L, none.get(counter), counter);
        }
    }
}
