package org.d8a.protocol.matomo.columns;

import static org.d8a.protocol.matomo.columns.MatomoHits.base;
import static org.d8a.protocol.matomo.columns.MatomoHits.structs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.d8a.columns.TestHits;
import org.d8a.hits.Hit;
import org.junit.jupiter.api.Test;

/** The session-column vectors V21, V23, V29 and V30 of spec/matomo-protocol.md §4. */
class MatomoSessionColumnsTest {

    /** The first row of a session of {@code hits}, one second apart. */
    private static Map<String, Object> session(Hit... hits) {
        for (int i = 0; i < hits.length; i++) {
            hits[i].setReceivedAtMillis(TestHits.T0 + i * 1000L);
        }
        return MatomoHits.write(MatomoHits.PROPERTY, hits).get(0);
    }

    private static Hit named(String name, String... keyValues) {
        Hit hit = base(keyValues);
        hit.setEventName(name);
        return hit;
    }

    @Test
    void v21SessionCustomDimensionsMergeBySlot() {
        assertEquals(structs("slot", 1L, "value", "one", "slot", 2L, "value", "two"),
                session(base("dimension1", "one"), base("dimension2", "two")).get("session_custom_dimensions"));
        assertEquals(structs("slot", 1L, "value", "new"),
                session(base("dimension1", "old"), base("dimension1", "new")).get("session_custom_dimensions"));
        assertEquals(structs("slot", 3L, "value", "value3"),
                session(base("dimension3", "value3"), base()).get("session_custom_dimensions"));
        assertNull(session(base()).get("session_custom_dimensions"));
    }

    @Test
    void v23SessionCustomVariablesMergeByName() {
        assertEquals(structs("name", "Locale", "value", "en", "name", "OS", "value", "iphone"),
                session(base("_cvar", "{\"1\":[\"OS\",\"iphone\"]}"), base("_cvar", "{\"1\":[\"Locale\",\"en\"]}"))
                        .get("session_custom_variables"));
        assertEquals(structs("name", "OS", "value", "android"),
                session(base("_cvar", "{\"1\":[\"OS\",\"iphone\"]}"), base("_cvar", "{\"1\":[\"OS\",\"android\"]}"))
                        .get("session_custom_variables"));
        assertEquals(structs("name", "Plan", "value", "Pro"),
                session(base("_cvar", "{\"1\":[\"Plan\",\"Pro\"]}"), base()).get("session_custom_variables"));
        assertNull(session(base()).get("session_custom_variables"));
        assertNull(session(base("cvar", "{\"1\":[\"Page\",\"x\"]}")).get("session_custom_variables"));
    }

    @Test
    void v29ReturningUserIsTheFirstEventsIdn() {
        assertEquals(false, session(base("_idn", "1")).get("session_returning_user"));
        assertEquals(true, session(base("_idn", "0")).get("session_returning_user"));
        assertEquals(false, session(base()).get("session_returning_user"));
        assertEquals(false, session(base("_idn", "1"), base("_idn", "0")).get("session_returning_user"));
    }

    @Test
    void v30CountersByMatomoEventName() {
        Map<String, Object> order = session(named("ecommerce_order", "idgoal", "0", "ec_id", "ord_123"));
        assertEquals(1L, order.get("session_total_purchases"));
        assertEquals(0L, order.get("session_total_goal_conversions"));
        assertEquals(0L, session(named("page_view", "idgoal", "1")).get("session_total_purchases"));
        assertEquals(1L, session(named("goal_conversion", "idgoal", "7")).get("session_total_goal_conversions"));
        Map<String, Object> outlink = session(named("outlink", "link", "https://ext.com"));
        assertEquals(1L, outlink.get("session_total_outbound_clicks"));
        assertEquals(1L, outlink.get("session_unique_outbound_clicks"));
        Map<String, Object> search = session(named("site_search", "search", "golang"));
        assertEquals(1L, search.get("session_total_site_searches"));
        assertEquals(1L, search.get("session_unique_site_searches"));
        assertEquals(1L, session(named("video_play", "ma_id", "vid_1", "ma_mt", "video"))
                .get("session_total_video_engagements"));
        assertEquals(0L, session(named("page_view", "ma_id", "aud_1", "ma_mt", "audio"))
                .get("session_total_video_engagements"));
        Map<String, Object> download = session(named("download", "download", "https://cdn.com/f.pdf"));
        assertEquals(1L, download.get("session_total_file_downloads"));
        assertEquals(1L, download.get("session_unique_file_downloads"));
        Map<String, Object> impression = session(named("content_impression", "c_n", "Hero Banner",
                "c_p", "/assets/banner.jpg", "c_t", "https://example.com/landing"));
        assertEquals(1L, impression.get("session_total_content_impressions"));
        assertEquals(0L, impression.get("session_total_content_interactions"));
        Map<String, Object> interaction = session(named("content_interaction", "c_i", "click", "c_n", "Hero Banner"));
        assertEquals(1L, interaction.get("session_total_content_interactions"));
        assertEquals(0L, interaction.get("session_total_content_impressions"));
        Map<String, Object> pageView = session(named("page_view"));
        assertNull(pageView.get("session_total_scrolls"));
        assertNull(pageView.get("session_total_form_interactions"));
        assertNull(pageView.get("session_unique_form_interactions"));
        assertEquals(0L, pageView.get("session_total_outbound_clicks"));
        assertEquals(0L, pageView.get("session_total_site_searches"));
        assertEquals(0L, pageView.get("session_total_file_downloads"));
        assertEquals(0L, pageView.get("session_unique_file_downloads"));
    }

    @Test
    void uniqueCountersCollapseEqualValuesAndEmptySearches() {
        Map<String, Object> searches = session(named("site_search", "search", ""), named("site_search", "search", ""),
                named("site_search", "search", "a"));
        assertEquals(3L, searches.get("session_total_site_searches"));
        assertEquals(2L, searches.get("session_unique_site_searches"));
    }
}
