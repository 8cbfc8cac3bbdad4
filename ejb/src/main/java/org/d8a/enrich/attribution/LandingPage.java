package org.d8a.enrich.attribution;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.d8a.url.GoUrl;
import org.d8a.url.UrlSyntaxException;

/**
 * The page the session started on (spec §3.1): its host lower-cased without a leading {@code www.}, which tells a
 * referral from a visit within the site, and its query parameters (click ids, UTM), parsed leniently as Go's
 * {@code URL.Query()} does. An empty or unparseable page URL is {@link #NONE}: no host, no parameters.
 */
record LandingPage(String hostWithoutWww, Map<String, List<String>> query) {

    static final LandingPage NONE = new LandingPage("", Map.of());

    static LandingPage of(String pageLocation) {
        if (pageLocation == null || pageLocation.isEmpty()) {
            return NONE;
        }
        try {
            GoUrl url = GoUrl.parse(pageLocation);
            String host = url.hostname().toLowerCase(Locale.ROOT);
            return new LandingPage(host.startsWith("www.") ? host.substring(4) : host, url.query());
        } catch (UrlSyntaxException unparseable) {
            return NONE;
        }
    }

    /** The first value of a query parameter (keys are case-sensitive), {@code ""} when it is absent. */
    String parameter(String name) {
        List<String> values = query.get(name);
        return values == null ? "" : values.get(0);
    }
}
