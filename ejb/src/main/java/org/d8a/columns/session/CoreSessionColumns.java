package org.d8a.columns.session;

import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.TIMESTAMP;
import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.CoreInterfaces.event;
import static org.d8a.columns.CoreInterfaces.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.d8a.columns.BrokenSessionException;
import org.d8a.columns.Column;
import org.d8a.columns.event.PageParams;
import org.d8a.enrich.attribution.Attribution;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * The core session and session-scoped event columns (spec/ga4-protocol-and-columns.md §2.5-2.6), including the
 * session copies of the geo and device columns (the dominant client's) and the session's traffic source.
 */
public final class CoreSessionColumns {

    private CoreSessionColumns() {
    }

    /** Event columns whose session copy is the value on the first event of the session's dominant client. */
    private static final List<String> DOMINANT_CLIENT_COPIES = List.of("geo_city", "geo_region", "geo_metro",
            "geo_country", "geo_continent", "geo_sub_continent", "device_category", "device_language",
            "device_mobile_brand_name", "device_mobile_model_name", "device_operating_system",
            "device_operating_system_version", "device_web_browser", "device_web_browser_version",
            "device_screen_resolution");
    private static final Set<String> LOW_CARDINALITY = Set.of("geo_country", "geo_continent", "device_category",
            "device_operating_system", "device_web_browser");

    /** @param page the keys of the page URL the attribution reads in the protocol's requests */
    public static List<Column> all(Attribution attribution, PageParams page) {
        List<Column> columns = new ArrayList<>(SessionScopedEventColumns.all());
        columns.addAll(List.of(
                new DerivedSessionColumn(session("session_id"), field("session_id", UTF8).notNull()
                        .describedAs("Id of the session: the id of its first event."),
                        List.of(event("id")), CoreSessionColumns::sessionId),
                new DerivedSessionColumn(session("session_client_id"), field("session_client_id", UTF8)
                        .describedAs("client_id of the session's first event."),
                        List.of(event("client_id")), s -> s.first().values().get("client_id")),
                new DerivedSessionColumn(session("session_referrer"), field("session_referrer", UTF8)
                        .describedAs("page_referrer of the session's first event."),
                        List.of(event("page_referrer")), s -> s.first().values().get("page_referrer")),
                new DerivedSessionColumn(session("session_first_event_time"), field("session_first_event_time",
                        TIMESTAMP).describedAs("Time the first event of the session was received."),
                        List.of(), s -> receivedAt(s.first())),
                new DerivedSessionColumn(session("session_last_event_time"), field("session_last_event_time",
                        TIMESTAMP).describedAs("Time the last event of the session was received."),
                        List.of(), s -> receivedAt(s.last())),
                new DerivedSessionColumn(session("session_duration"), field("session_duration", INT64)
                        .describedAs("Seconds between the first and the last event of the session."),
                        List.of(session("session_last_event_time"), session("session_first_event_time")),
                        CoreSessionColumns::duration),
                new DerivedSessionColumn(session("session_total_events"), field("session_total_events", INT64)
                        .describedAs("Number of events in the session."),
                        List.of(), s -> (long) s.events().size()),
                new DerivedSessionColumn(session("session_split_cause"), field("session_split_cause", UTF8)
                        .lowCardinality().describedAs("Why this session was split from the previous one of the "
                                + "same visitor (utm_campaign_changed, user_id_changed, max_events_reached, "
                                + "max_time_since_first_event_reached); null when it was not."),
                        List.of(), s -> s.first().splitCause())));
        columns.addAll(TrafficSourceColumns.all(attribution, page));
        columns.addAll(PageViewSessionColumns.all());
        for (String column : DOMINANT_CLIENT_COPIES) {
            columns.add(new DerivedSessionColumn(session("session_" + column), field("session_" + column, UTF8)
                    .lowCardinality(LOW_CARDINALITY.contains(column)).describedAs(column
                            + " of the first event of the session's dominant client (the client id with the most "
                            + "events)."),
                    List.of(event(column)), s -> dominantClientsFirstEvent(s).values().get(column)));
        }
        return columns;
    }

    private static Event dominantClientsFirstEvent(Session session) {
        return session.lookup(DominantClient.class, k -> DominantClient.firstEventOf(session));
    }

    private static Object sessionId(Session session) throws BrokenSessionException {
        Object id = session.first().values().get("id");
        if (!(id instanceof String text) || text.isEmpty()) {
            throw new BrokenSessionException("first event has no id");
        }
        return text;
    }

    /** Whole seconds between the first and last event, as the reference counts them (Unix seconds subtracted). */
    private static Object duration(Session session) {
        long first = Math.floorDiv(session.first().hit().getReceivedAtMillis(), 1000L);
        long last = Math.floorDiv(session.last().hit().getReceivedAtMillis(), 1000L);
        return last - first;
    }

    private static Instant receivedAt(Event event) {
        return Instant.ofEpochMilli(event.hit().getReceivedAtMillis());
    }
}
