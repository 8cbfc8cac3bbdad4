package org.d8a.columns.event;

import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.CoreInterfaces.event;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.arrow.vector.types.pojo.Field;
import org.d8a.columns.EventColumn;
import org.d8a.enrich.geo.GeoLocation;
import org.d8a.enrich.geo.GeoLocator;
import org.d8a.sessions.Event;

/**
 * The geo columns of spec §2.2 and §6.1, from the event's (masked) {@code ip_address} looked up once per event in the
 * geo database. {@code geo_metro} and {@code geo_sub_continent} are always null, as in the reference, which has no
 * source for them.
 */
public final class GeoColumns {

    private static final String IP_ADDRESS = "ip_address";

    private GeoColumns() {
    }

    public static List<EventColumn> all(GeoLocator locator) {
        return List.of(
                column("geo_city", false, "City (English name).", locator, GeoLocation::city),
                column("geo_region", false, "First subdivision, such as a state or region (English name).",
                        locator, GeoLocation::region),
                new DerivedEventColumn(event("geo_metro"), field("geo_metro", UTF8)
                        .describedAs("Metro area: always null (no geo database here provides it)."), e -> null),
                column("geo_country", true, "Country (English name, such as Poland; not the ISO code).", locator,
                        GeoLocation::country),
                column("geo_continent", true, "Continent (English name, such as Europe).", locator,
                        GeoLocation::continent),
                new DerivedEventColumn(event("geo_sub_continent"), field("geo_sub_continent", UTF8)
                        .describedAs("Sub-continent: always null (no geo database here provides it)."), e -> null));
    }

    private static EventColumn column(String name, boolean lowCardinality, String description, GeoLocator locator,
            Function<GeoLocation, String> value) {
        Field field = field(name, UTF8).lowCardinality(lowCardinality).describedAs(description + " Looked up from ip_address; null when no geo "
                + "database is available.");
        return new DerivedEventColumn(event(name), field,
                List.of(event(IP_ADDRESS)), e -> locationOf(e, locator).map(value).orElse(null));
    }

    private static Optional<GeoLocation> locationOf(Event event, GeoLocator locator) {
        Object ip = event.values().get(IP_ADDRESS);
        return event.lookup(locator, l -> ip == null ? Optional.empty() : l.locate(ip.toString()));
    }
}
