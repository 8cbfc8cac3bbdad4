package org.d8a.columns.event;

import static org.d8a.columns.ColumnFields.UTF8;
import static org.d8a.columns.ColumnFields.field;
import static org.d8a.columns.CoreInterfaces.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.d8a.columns.BrokenEventException;
import org.d8a.columns.EventColumn;
import org.d8a.columns.casts.Casts;
import org.d8a.url.GoUrl;
import org.d8a.url.UrlSyntaxException;
import org.d8a.properties.PropertySettings;
import org.d8a.sessions.Event;

/**
 * The page columns read from the page URL ({@code dl}, Matomo {@code url}; spec/ga4-protocol-and-columns.md §2.2-2.3): the location without
 * the property's excluded parameters, its host name and path, and the campaign (UTM) and click-id parameters, which
 * are read from the URL as sent. A URL Go's parser rejects breaks the event, as in the reference.
 */
public final class PageUrlColumns {

    private static final String PAGE_LOCATION = "page_location";
    private static final List<String> UTM = List.of("campaign", "source", "medium", "content", "term", "id",
            "source_platform", "creative_format", "marketing_tactic");
    private static final List<String> CLICK_IDS = List.of("gclid", "dclid", "gbraid", "srsltid", "wbraid", "fbclid",
            "msclkid");

    private PageUrlColumns() {
    }

    /** @param page the key of the page URL in the protocol's requests */
    public static List<EventColumn> all(PropertySettings property, PageParams page) {
        List<String> excluded = property.excludedUrlParams();
        List<String> onLocation = List.of(event(PAGE_LOCATION));
        List<EventColumn> columns = new ArrayList<>(List.of(
                new DerivedEventColumn(event(PAGE_LOCATION), field(PAGE_LOCATION, UTF8).notNull()
                        .describedAs("URL of the page (" + page.location()
                                + ") without the property's excluded query parameters."),
                        e -> location(e.hit().param(page.location()), excluded)),
                new DerivedEventColumn(event("page_hostname"), field("page_hostname", UTF8).notNull()
                        .describedAs("Host name of page_location, without port."),
                        onLocation, e -> parse(locationOf(e)).hostname()),
                new DerivedEventColumn(event("page_path"), field("page_path", UTF8).notNull()
                        .describedAs("Decoded path of page_location; empty when the URL has none."),
                        onLocation, e -> parse(locationOf(e)).path())));
        for (String utm : UTM) {
            columns.add(queryColumn(page, "utm_" + utm, "utm_" + utm, "Campaign parameter utm_" + utm
                    + " of the page URL as sent."));
        }
        for (String clickId : CLICK_IDS) {
            columns.add(queryColumn(page, "click_id_" + clickId, clickId, "Click id " + clickId
                    + " of the page URL as sent."));
        }
        return columns;
    }

    private static EventColumn queryColumn(PageParams page, String column, String key, String description) {
        return new DerivedEventColumn(event(column), field(column, UTF8).describedAs(description),
                List.of(event(PAGE_LOCATION)), e -> sentQueryValue(e, page, key));
    }

    /** First value of {@code key} in the page URL as the tracker sent it (before excluded parameters are removed). */
    public static Object sentQueryValue(Event event, PageParams page, String key) throws BrokenEventException {
        return Casts.str(parse(event.hit().param(page.location())).queryValue(key));
    }

    private static String locationOf(Event event) {
        Object location = event.values().get(PAGE_LOCATION);
        return location == null ? "" : location.toString();
    }

    /** {@code dl} without the excluded parameters; untouched (not re-encoded) when none of them is present. */
    static String location(String dl, List<String> excluded) throws BrokenEventException {
        if (excluded.isEmpty()) {
            return dl;
        }
        GoUrl url = parse(dl);
        Map<String, List<String>> query = new LinkedHashMap<>(url.query());
        if (!query.keySet().removeAll(excluded)) {
            return dl;
        }
        return url.withQuery(query);
    }

    private static GoUrl parse(String url) throws BrokenEventException {
        try {
            return GoUrl.parse(url);
        } catch (UrlSyntaxException e) {
            throw new BrokenEventException("page URL " + url + " cannot be parsed: " + e.getMessage());
        }
    }
}
