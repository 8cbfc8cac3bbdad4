package org.d8a.columns.event;

import static org.d8a.columns.ColumnFields.DATE;
import static org.d8a.columns.ColumnFields.TIMESTAMP;
import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.CoreInterfaces.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.d8a.columns.BrokenEventException;
import org.d8a.columns.EventColumn;
import org.d8a.sessions.Event;

/**
 * The core event columns every protocol has (spec/ga4-protocol-and-columns.md §2.2), the page title and referrer read
 * from the protocol's own keys.
 */
public final class CoreEventColumns {

    private CoreEventColumns() {
    }

    /** @param page the keys of the page title and referrer in the protocol's requests */
    public static List<EventColumn> all(PageParams page) {
        return List.of(
                new DerivedEventColumn(event("id"), field("id", UTF8).notNull()
                        .describedAs("Unique id of the event (a UUID generated when the hit was received)."),
                        e -> e.hit().getId()),
                new DerivedEventColumn(event("name"), field("name", UTF8).notNull().lowCardinality()
                        .describedAs("Event name, such as page_view."), CoreEventColumns::name),
                new DerivedEventColumn(event("property_id"), field("property_id", UTF8).notNull().lowCardinality()
                        .describedAs("Id of the property the event was tracked for."), e -> e.hit().getPropertyId()),
                new DerivedEventColumn(event("property_name"), field("property_name", UTF8).notNull().lowCardinality()
                        .describedAs("Configured name of the property."),
                        e -> e.property() == null ? "" : e.property().name()),
                new DerivedEventColumn(event("date_utc"), field("date_utc", DATE).notNull().codec("CODEC(Delta, LZ4)")
                        .describedAs("UTC calendar date the hit was received."),
                        e -> LocalDate.ofInstant(receivedAt(e), ZoneOffset.UTC)),
                new DerivedEventColumn(event("timestamp_utc"), field("timestamp_utc", TIMESTAMP).notNull()
                        .codec("CODEC(Delta, LZ4)")
                        .describedAs("Time the hit was received, UTC, millisecond precision."),
                        CoreEventColumns::receivedAt),
                new DerivedEventColumn(event("client_id"), field("client_id", UTF8).notNull()
                        .describedAs("Client id sent by the tracker (cid; Matomo: _id, else cid), as sent."), e -> e.hit().getClientId()),
                new DerivedEventColumn(event("user_id"), field("user_id", UTF8)
                        .describedAs("User id sent by the tracker (uid); null when absent."),
                        e -> e.hit().getUserId()),
                new DerivedEventColumn(event("ip_address"), field("ip_address", UTF8).notNull()
                        .describedAs("Client IP address, after proxy resolution and the property's masking."),
                        e -> e.hit().getIp()),
                new DerivedEventColumn(event("page_title"), field("page_title", UTF8).notNull()
                        .describedAs("Title of the page (" + page.title() + "); empty when not sent."),
                        e -> e.hit().param(page.title())),
                new DerivedEventColumn(event("page_referrer"), field("page_referrer", UTF8).notNull()
                        .describedAs("Referrer of the page (" + page.referrer() + "); empty for direct traffic."),
                        e -> e.hit().param(page.referrer())));
    }

    private static Object name(Event event) throws BrokenEventException {
        String name = event.hit().getEventName();
        if (name == null || name.isEmpty()) {
            throw new BrokenEventException("event name is empty");
        }
        return name;
    }

    private static Instant receivedAt(Event event) {
        return Instant.ofEpochMilli(event.hit().getReceivedAtMillis());
    }
}
