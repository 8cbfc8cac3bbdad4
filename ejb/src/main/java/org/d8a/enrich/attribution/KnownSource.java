package org.d8a.enrich.attribution;

import java.util.List;

/**
 * An entry of a source list: the name that becomes {@code session_source}, its medium, the hosts it is recognised
 * by and, for search engines, the referrer's query parameters that may hold the search term, tried in order.
 */
record KnownSource(String name, Medium medium, List<HostPattern> hosts, List<String> termParameters) {

    KnownSource {
        hosts = List.copyOf(hosts);
        termParameters = List.copyOf(termParameters);
    }

    /**
     * The traffic source of a referrer from this entry. A term parameter is a literal name: the reference's lists
     * write some as {@code /regex/}, which it never evaluates, and neither does this.
     */
    TrafficSource of(Referrer referrer) {
        for (String parameter : termParameters) {
            String term = referrer.queryValue(parameter);
            if (!term.isEmpty()) {
                return new TrafficSource(name, medium.label(), term);
            }
        }
        return new TrafficSource(name, medium.label(), "");
    }
}
