package org.d8a.enrich.attribution;

import java.util.Optional;

/** One step of the detector chain (spec §3.2): the traffic source it recognises, or empty to let the next one try. */
interface Detector {

    Optional<TrafficSource> detect(LandingPage page, Referrer referrer);
}
