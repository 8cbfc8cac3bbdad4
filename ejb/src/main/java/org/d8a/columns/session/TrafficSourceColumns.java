package org.d8a.columns.session;

import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.CoreInterfaces.event;
import static org.d8a.columns.CoreInterfaces.session;

import java.util.List;
import java.util.function.Function;
import org.d8a.columns.SessionColumn;
import org.d8a.columns.event.PageParams;
import org.d8a.enrich.attribution.Attribution;
import org.d8a.enrich.attribution.TrafficSource;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * {@code session_source}, {@code session_medium} and {@code session_term} (spec §3): the attribution of the session's
 * first event, whatever its name, made once per session. It reads the page URL as the tracker sent it, before the
 * property's excluded parameters are removed, because those are often exactly the campaign parameters.
 */
final class TrafficSourceColumns {

    /** The reference's declared inputs (spec §2.12); medium and term follow from the source's computation. */
    private static final List<String> INPUTS = List.of(event("page_location"), event("page_referrer"),
            event("utm_source"), event("utm_medium"), event("utm_term"), event("ignore_referrer"));
    private static final List<String> ON_SOURCE = List.of(session("session_source"));

    private TrafficSourceColumns() {
    }

    static List<SessionColumn> all(Attribution attribution, PageParams page) {
        return List.of(
                new DerivedSessionColumn(session("session_source"), field("session_source", UTF8).notNull()
                        .describedAs("Traffic source of the session's first event: a click id's network, a "
                                + "search engine, social network, AI assistant, e-mail provider or referring host, "
                                + "utm_source when sent, else direct."),
                        INPUTS, s -> sourceOf(s, attribution, page, TrafficSource::source)),
                new DerivedSessionColumn(session("session_medium"), field("session_medium", UTF8).notNull()
                        .describedAs("Medium of the session's first event: cpc, organic, social, ai, email, "
                                + "video, referral, utm_medium when sent, else none."),
                        ON_SOURCE, s -> sourceOf(s, attribution, page, TrafficSource::medium)),
                new DerivedSessionColumn(session("session_term"), field("session_term", UTF8)
                        .describedAs("Search term of the session's first event (from the search engine's "
                                + "referrer or utm_term); empty when unknown."),
                        ON_SOURCE, s -> sourceOf(s, attribution, page, TrafficSource::term)));
    }

    private static String sourceOf(Session session, Attribution attribution, PageParams page,
            Function<TrafficSource, String> part) {
        return part.apply(session.lookup(attribution, a -> attribute(a, page, session.first())));
    }

    private static TrafficSource attribute(Attribution attribution, PageParams page, Event first) {
        Object referrer = first.values().get("page_referrer");
        return attribution.attribute(first.hit().param(page.location()), referrer == null ? "" : referrer.toString(),
                Boolean.TRUE.equals(first.values().get("ignore_referrer")));
    }
}
