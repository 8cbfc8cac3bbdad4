package org.d8a.columns.session;

import static org.d8a.columns.ColumnFields.BOOL;
import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.CoreInterfaces.event;
import static org.d8a.columns.CoreInterfaces.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.d8a.columns.Column;
import org.d8a.sessions.Session;

/**
 * Session columns about the session's page views (spec §2.6): entry, second and exit page, the campaign and click ids
 * of the first page view, page-view counts and bounce.
 */
final class PageViewSessionColumns {

    private static final List<String> UTM = List.of("campaign", "source", "medium", "content", "term", "id",
            "source_platform", "creative_format", "marketing_tactic");
    private static final List<String> CLICK_IDS = List.of("gclid", "dclid", "gbraid", "srsltid", "wbraid", "fbclid",
            "msclkid");
    private static final int FIRST = 0;
    private static final int SECOND = 1;
    private static final int LAST = -1;

    private PageViewSessionColumns() {
    }

    static List<Column> all() {
        String name = event("name");
        List<Column> columns = new ArrayList<>();
        columns.add(pageColumn("session_entry_page_location", "page_location", FIRST, "first"));
        columns.add(pageColumn("session_second_page_location", "page_location", SECOND, "second"));
        columns.add(pageColumn("session_exit_page_location", "page_location", LAST, "last"));
        columns.add(pageColumn("session_entry_page_title", "page_title", FIRST, "first"));
        columns.add(pageColumn("session_second_page_title", "page_title", SECOND, "second"));
        columns.add(pageColumn("session_exit_page_title", "page_title", LAST, "last"));
        UTM.forEach(utm -> columns.add(pageColumn("session_utm_" + utm, "utm_" + utm, FIRST, "first")));
        CLICK_IDS.forEach(id -> columns.add(pageColumn("session_click_id_" + id, "click_id_" + id, FIRST, "first")));
        Set<String> pageView = Set.of(PageViews.PAGE_VIEW);
        columns.add(new DerivedSessionColumn(session("session_total_page_views"), field("session_total_page_views",
                INT64).describedAs("Number of page_view events in the session."),
                List.of(name), s -> EventCounts.count(s, pageView)));
        columns.add(new DerivedSessionColumn(session("session_unique_page_views"), field(
                "session_unique_page_views", INT64).describedAs("Number of distinct page_location values among "
                + "the session's page_view events."),
                List.of(name), s -> EventCounts.unique(s, pageView, List.of("page_location"))));
        columns.add(new DerivedSessionColumn(session("session_is_bounced"), field("session_is_bounced", BOOL)
                .describedAs("True when the session has exactly one page_view."),
                List.of(name), s -> EventCounts.count(s, pageView) == 1));
        return columns;
    }

    private static Column pageColumn(String column, String eventColumn, int which, String ordinal) {
        return new DerivedSessionColumn(session(column), field(column, UTF8)
                .describedAs(eventColumn + " of the " + ordinal + " page_view of the session."),
                List.of(event(eventColumn), event("name")), s -> valueOfPageView(s, eventColumn, which));
    }

    private static Object valueOfPageView(Session session, String eventColumn, int which) {
        List<Integer> pageViews = PageViews.indexes(session);
        int position = which == LAST ? pageViews.size() - 1 : which;
        if (position < 0 || position >= pageViews.size()) {
            return null;
        }
        return session.events().get(pageViews.get(position)).values().get(eventColumn);
    }
}
