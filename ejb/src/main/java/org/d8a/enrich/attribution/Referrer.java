package org.d8a.enrich.attribution;

import java.util.Locale;
import org.d8a.url.GoUrl;
import org.d8a.url.UrlSyntaxException;

/**
 * The referrer as the detectors see it (spec §3.1): the whole string, its host lower-cased without port and with
 * spaces as {@code -}, and that host without a leading {@code www.}. An ignored, empty or unparseable referrer is
 * {@link #NONE}: every host is empty and no detector that needs one matches.
 */
record Referrer(String raw, String host, String hostWithoutWww, GoUrl url) {

    static final Referrer NONE = new Referrer("", "", "", null);

    static Referrer of(String referrer, boolean ignoreReferrer) {
        if (ignoreReferrer || referrer == null || referrer.isEmpty()) {
            return NONE;
        }
        try {
            GoUrl url = GoUrl.parse(referrer);
            String host = url.hostname().toLowerCase(Locale.ROOT).replace(' ', '-');
            return new Referrer(referrer, host, host.startsWith("www.") ? host.substring(4) : host, url);
        } catch (UrlSyntaxException unparseable) {
            return NONE;
        }
    }

    /** The first value of a query parameter of the referrer, {@code ""} when it has none. */
    String queryValue(String name) {
        String value = url == null ? null : url.queryValue(name);
        return value == null ? "" : value;
    }
}
