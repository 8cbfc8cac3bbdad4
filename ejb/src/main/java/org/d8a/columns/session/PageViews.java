package org.d8a.columns.session;

import java.util.ArrayList;
import java.util.List;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/** The {@code page_view} events of a session, which page-level columns are built on (event name compared exactly). */
final class PageViews {

    static final String PAGE_VIEW = "page_view";

    private PageViews() {
    }

    static boolean isPageView(Event event) {
        return PAGE_VIEW.equals(event.hit().getEventName());
    }

    /** Indexes of the session's page_view events, in order. */
    static List<Integer> indexes(Session session) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < session.events().size(); i++) {
            if (isPageView(session.events().get(i))) {
                indexes.add(i);
            }
        }
        return indexes;
    }
}
