package org.d8a.protocol.matomo.columns;

import static org.d8a.columns.ColumnFields.BOOL;
import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.ColumnFields.member;

import java.util.List;
import java.util.Set;
import org.d8a.columns.ColumnFields;
import org.d8a.columns.CoreInterfaces;
import org.d8a.columns.SessionColumn;
import org.d8a.columns.session.DerivedSessionColumn;
import org.d8a.columns.session.EventCounts;
import org.d8a.protocol.matomo.MatomoInterfaces;

/**
 * The Matomo protocol's session columns (spec/matomo-protocol.md §2.4): the event-name counters of the core interfaces
 * over Matomo's event names, the three counters Matomo cannot fill (always null), and its own columns: goal
 * conversions, content impressions and interactions, returning user, the merged custom variables and dimensions.
 */
public final class MatomoSessionColumns {

    private MatomoSessionColumns() {
    }

    public static List<SessionColumn> all() {
        return List.of(
                core("session_total_purchases", Set.of("ecommerce_order"), "ecommerce_order events"),
                EventCounts.countColumn(MatomoInterfaces.session("total_goal_conversions"),
                        "session_total_goal_conversions", Set.of("goal_conversion"),
                        "goal_conversion events (cart updates included, orders not)"),
                core("session_total_outbound_clicks", Set.of("outlink"), "outlink events"),
                EventCounts.uniqueColumn(CoreInterfaces.session("session_unique_outbound_clicks"),
                        "session_unique_outbound_clicks", Set.of("outlink"), "params_link_url",
                        "outlink events with distinct link URLs"),
                core("session_total_site_searches", Set.of("site_search"), "site_search events"),
                EventCounts.uniqueColumn(CoreInterfaces.session("session_unique_site_searches"),
                        "session_unique_site_searches", Set.of("site_search"), "params_search_term",
                        "site searches with distinct search terms"),
                EventCounts.countColumn(MatomoInterfaces.session("total_content_impressions"),
                        "session_total_content_impressions", Set.of("content_impression"),
                        "content_impression events"),
                EventCounts.countColumn(MatomoInterfaces.session("total_content_interactions"),
                        "session_total_content_interactions", Set.of("content_interaction"),
                        "content_interaction events"),
                core("session_total_video_engagements", Set.of("video_play"), "video_play events"),
                core("session_total_file_downloads", Set.of("download"), "download events"),
                EventCounts.uniqueColumn(CoreInterfaces.session("session_unique_file_downloads"),
                        "session_unique_file_downloads", Set.of("download"), "params_download_url",
                        "downloads with distinct URLs"),
                alwaysNull("session_total_scrolls"),
                alwaysNull("session_total_form_interactions"),
                alwaysNull("session_unique_form_interactions"),
                new DerivedSessionColumn(MatomoInterfaces.session("returning_user"),
                        field("session_returning_user", BOOL).describedAs("True when the session's first event "
                                + "says the visitor is not new (_idn=0)."),
                        List.of(), s -> !s.events().isEmpty() && s.first().hit().param("_idn").equals("0")),
                new DerivedSessionColumn(MatomoInterfaces.session("session_custom_variables"),
                        ColumnFields.listOfStructs("session_custom_variables", List.of(member("name", UTF8),
                                member("value", UTF8)), "Visit-scope custom variables (_cvar) of the session, "
                                + "later values overriding by name, sorted by name; null when none."),
                        List.of(), CustomVariables::ofSession),
                new DerivedSessionColumn(MatomoInterfaces.session("session_custom_dimensions"),
                        ColumnFields.listOfStructs("session_custom_dimensions", List.of(member("slot", INT64),
                                member("value", UTF8)), "Custom dimensions of the session, later values "
                                + "overriding by slot, sorted by slot; null when none."),
                        List.of(), CustomDimensions::ofSession));
    }

    private static SessionColumn core(String column, Set<String> names, String what) {
        return EventCounts.countColumn(CoreInterfaces.session(column), column, names, what);
    }

    private static SessionColumn alwaysNull(String column) {
        return new DerivedSessionColumn(CoreInterfaces.session(column), field(column, INT64)
                .describedAs("Always null: Matomo requests do not carry this."), List.of(), s -> null);
    }
}
