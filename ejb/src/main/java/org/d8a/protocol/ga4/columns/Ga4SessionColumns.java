package org.d8a.protocol.ga4.columns;

import static org.d8a.columns.ColumnFields.BOOL;
import static org.d8a.columns.ColumnFields.field;

import java.util.List;
import java.util.Set;
import org.d8a.columns.CoreInterfaces;
import org.d8a.columns.SessionColumn;
import org.d8a.columns.casts.Casts;
import org.d8a.columns.session.DerivedSessionColumn;
import org.d8a.columns.session.EventCounts;
import org.d8a.protocol.ga4.Ga4Interfaces;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * The GA4 protocol's session columns (spec §2.7): engagement, returning user and abandoned cart under GA4 ids, and the
 * event-name counts, which implement core interfaces.
 */
public final class Ga4SessionColumns {

    private static final String T64 = "CODEC(T64, LZ4)";

    private Ga4SessionColumns() {
    }

    public static List<SessionColumn> all() {
        List<String> onName = List.of(CoreInterfaces.event("name"));
        return List.of(
                count("session_total_purchases", Set.of("purchase"), "purchase events"),
                count("session_total_scrolls", Set.of("scroll"), "scroll events"),
                count("session_total_outbound_clicks", Set.of("click"), "click events (outbound or not)"),
                unique("session_unique_outbound_clicks", Set.of("click"), "params_link_url",
                        "click events with distinct link URLs"),
                count("session_total_site_searches", Set.of("view_search_results", "search"),
                        "view_search_results and search events"),
                unique("session_unique_site_searches", Set.of("view_search_results", "search"), "params_search_term",
                        "site searches with distinct (event name, search term)"),
                count("session_total_form_interactions", Set.of("form_submit", "form_start"),
                        "form_submit and form_start events"),
                unique("session_unique_form_interactions", Set.of("form_submit", "form_start"), "params_form_id",
                        "form interactions with distinct (event name, form id)"),
                count("session_total_video_engagements", Set.of("video_start", "video_complete", "video_progress"),
                        "video_start, video_progress and video_complete events"),
                count("session_total_file_downloads", Set.of("file_download"), "file_download events"),
                unique("session_unique_file_downloads", Set.of("file_download"), "params_link_url",
                        "file downloads with distinct link URLs"),
                new DerivedSessionColumn(Ga4Interfaces.session("session_is_engaged"), field("session_is_engaged", BOOL)
                        .codec(T64).describedAs("True when an event reports engagement (seg), or the session has two "
                                + "page_view or screen_view events, or a purchase."),
                        onName, Ga4SessionColumns::isEngaged),
                new DerivedSessionColumn(Ga4Interfaces.session("session_returning_user"),
                        field("session_returning_user", BOOL).codec(T64)
                                .describedAs("True when the tracker's session count (sct) is 2 or more on any event."),
                        List.of(Ga4Interfaces.event("client_session_number")), Ga4SessionColumns::returningUser),
                new DerivedSessionColumn(Ga4Interfaces.session("session_abandoned_cart"),
                        field("session_abandoned_cart", BOOL).codec(T64)
                                .describedAs("True when an add_to_cart is not followed by a purchase."),
                        onName, Ga4SessionColumns::abandonedCart));
    }

    private static SessionColumn count(String column, Set<String> names, String what) {
        return EventCounts.countColumn(CoreInterfaces.session(column), column, names, what);
    }

    private static SessionColumn unique(String column, Set<String> names, String eventColumn, String what) {
        return EventCounts.uniqueColumn(CoreInterfaces.session(column), column, names, eventColumn, what);
    }

    private static Object isEngaged(Session session) {
        for (Event event : session.events()) {
            Long engaged = Casts.int64(event.hit().param("seg"));
            if (engaged != null && engaged != 0) {
                return true;
            }
        }
        return EventCounts.count(session, Set.of("page_view")) >= 2
                || EventCounts.count(session, Set.of("screen_view")) >= 2
                || EventCounts.count(session, Set.of("purchase")) >= 1;
    }

    private static Object returningUser(Session session) {
        return session.events().stream().map(event -> event.values().get("client_session_number"))
                .anyMatch(number -> number instanceof Long sessionNumber && sessionNumber >= 2);
    }

    private static Object abandonedCart(Session session) {
        int lastAddToCart = -1;
        int lastPurchase = -1;
        for (int i = 0; i < session.events().size(); i++) {
            String name = session.events().get(i).hit().getEventName();
            if (name.equals("add_to_cart")) {
                lastAddToCart = i;
            } else if (name.equals("purchase")) {
                lastPurchase = i;
            }
        }
        return lastAddToCart > lastPurchase;
    }
}
