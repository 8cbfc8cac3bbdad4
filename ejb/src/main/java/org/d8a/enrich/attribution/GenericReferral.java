package org.d8a.enrich.attribution;

import java.util.Optional;

/**
 * Any other site that linked to the page (spec §3.2 step 9), named by its host without {@code www.}. A referrer on the
 * page's own host is navigation within the site, not a referral; a subdomain is another site (exact comparison). A
 * page URL without a host (missing or opaque {@code dl}) leaves nothing to compare with, so the session is direct, as
 * in the reference (spec §3.5, kept).
 */
final class GenericReferral implements Detector {

    @Override
    public Optional<TrafficSource> detect(LandingPage page, Referrer referrer) {
        String host = referrer.hostWithoutWww();
        if (host.isEmpty() || page.hostWithoutWww().isEmpty() || host.equals(page.hostWithoutWww())) {
            return Optional.empty();
        }
        return Optional.of(new TrafficSource(host, Medium.REFERRAL.label(), ""));
    }
}
