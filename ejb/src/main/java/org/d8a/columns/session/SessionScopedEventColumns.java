package org.d8a.columns.session;

import static org.d8a.columns.ColumnFields.BOOL;
import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.CoreInterfaces.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.d8a.columns.BrokenSessionException;
import org.d8a.columns.SessionScopedEventColumn;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * The session-scoped event columns of spec/ga4-protocol-and-columns.md §2.5: one value per event, computed with the
 * whole session visible (positions, pages, time on page, page transitions, the traffic filter that matched).
 */
public final class SessionScopedEventColumns {

    private static final String PAGE_LOCATION = "page_location";
    private static final String PAGE_TITLE = "page_title";

    private SessionScopedEventColumns() {
    }

    public static List<SessionScopedEventColumn> all() {
        List<String> onLocation = List.of(event(PAGE_LOCATION));
        List<String> onTitle = List.of(event(PAGE_TITLE));
        List<String> onName = List.of(event("name"));
        return List.of(
                new DerivedSessionScopedEventColumn(event("session_hit_number"), field("session_hit_number", INT64)
                        .describedAs("0-based position of the event in its session."),
                        List.of(), (s, i) -> (long) i),
                new DerivedSessionScopedEventColumn(event("session_page_number"), field("session_page_number", INT64)
                        .describedAs("0-based number of the page the event happened on, counting page_location "
                                + "changes from the first event."),
                        onLocation, SessionScopedEventColumns::pageNumber),
                new DerivedSessionScopedEventColumn(event("time_on_page"), field("time_on_page", INT64)
                        .describedAs("Seconds spent on the page the event belongs to (until the next page_view, or "
                                + "the last event)."),
                        onName, SessionScopedEventColumns::timeOnPage),
                new DerivedSessionScopedEventColumn(event("session_is_entry_page"), field("session_is_entry_page",
                        BOOL).describedAs("True on the first page_view of the session."),
                        onName, (s, i) -> pageViewAt(s, i, true)),
                new DerivedSessionScopedEventColumn(event("session_is_exit_page"), field("session_is_exit_page", BOOL)
                        .describedAs("True on the last page_view of the session."),
                        onName, (s, i) -> pageViewAt(s, i, false)),
                new DerivedSessionScopedEventColumn(event("page_is_bounce"), field("page_is_bounce", BOOL)
                        .describedAs("True on the page_view of a session that has exactly one page_view."),
                        onName, SessionScopedEventColumns::isBounce),
                new DerivedSessionScopedEventColumn(event("previous_page_location"),
                        field("previous_page_location", UTF8)
                                .describedAs("page_location of the page viewed before the event's page."),
                        onLocation, (s, i) -> transitions(s, PAGE_LOCATION, false).get(i)),
                new DerivedSessionScopedEventColumn(event("next_page_location"), field("next_page_location", UTF8)
                        .describedAs("page_location of the page viewed after the event's page."),
                        onLocation, (s, i) -> transitions(s, PAGE_LOCATION, true).get(i)),
                new DerivedSessionScopedEventColumn(event("previous_page_title"), field("previous_page_title", UTF8)
                        .describedAs("page_title of the page viewed before the event's page."),
                        onTitle, (s, i) -> transitions(s, PAGE_TITLE, false).get(i)),
                new DerivedSessionScopedEventColumn(event("next_page_title"), field("next_page_title", UTF8)
                        .describedAs("page_title of the page viewed after the event's page."),
                        onTitle, (s, i) -> transitions(s, PAGE_TITLE, true).get(i)),
                new DerivedSessionScopedEventColumn(event("traffic_filter_name"), field("traffic_filter_name", UTF8)
                        .describedAs("Name of the last test-mode traffic filter that matched the event."),
                        List.of(), (s, i) -> s.events().get(i).trafficFilterName()));
    }

    private static Object pageNumber(Session session, int index) throws BrokenSessionException {
        long number = 0;
        String current = location(session.events().get(0));
        for (int i = 1; i <= index; i++) {
            String location = location(session.events().get(i));
            if (!location.equals(current)) {
                number++;
                current = location;
            }
        }
        return number;
    }

    private static String location(Event event) throws BrokenSessionException {
        if (!(event.values().get(PAGE_LOCATION) instanceof String location)) {
            throw new BrokenSessionException("page_location of event " + event.hit().getId() + " is not a string");
        }
        return location;
    }

    /** Page starts are the page_views (and the first event when it is not one); a page lasts until the next start. */
    private static Object timeOnPage(Session session, int index) {
        List<Event> events = session.events();
        int start = 0;
        Integer next = null;
        for (int i = 1; i < events.size(); i++) {
            if (PageViews.isPageView(events.get(i))) {
                if (i <= index) {
                    start = i;
                } else {
                    next = i;
                    break;
                }
            }
        }
        long end = events.get(next == null ? events.size() - 1 : next).hit().getReceivedAtMillis();
        return (end - events.get(start).hit().getReceivedAtMillis()) / 1000;
    }

    private static Object pageViewAt(Session session, int index, boolean first) {
        List<Integer> pageViews = PageViews.indexes(session);
        if (pageViews.isEmpty()) {
            return false;
        }
        return index == (first ? pageViews.get(0) : pageViews.get(pageViews.size() - 1));
    }

    private static Object isBounce(Session session, int index) {
        List<Integer> pageViews = PageViews.indexes(session);
        return pageViews.size() == 1 && pageViews.get(0) == index;
    }

    /**
     * The nearest different page value before ({@code forward == false}) or after each event: a page_view contributes
     * its own value, other events keep the value of the page they are on, consecutive events on one page share it.
     */
    private static List<String> transitions(Session session, String column, boolean forward) {
        List<String> chain = new ArrayList<>();
        String current = null;
        for (Event event : session.events()) {
            if (PageViews.isPageView(event)) {
                current = event.values().get(column) instanceof String value ? value : null;
            }
            chain.add(current);
        }
        if (forward) {
            Collections.reverse(chain);
        }
        List<String> previous = new ArrayList<>();
        String page = null;
        String before = null;
        for (String value : chain) {
            if (!Objects.equals(value, page)) {
                before = page;
                page = value;
            }
            previous.add(before);
        }
        if (forward) {
            Collections.reverse(previous);
        }
        return previous;
    }
}
