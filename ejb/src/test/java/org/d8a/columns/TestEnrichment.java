package org.d8a.columns;

import java.util.Optional;
import java.util.OptionalDouble;
import org.d8a.enrich.Enrichment;
import org.d8a.enrich.attribution.TrafficSource;
import org.d8a.enrich.device.Device;
import org.d8a.enrich.geo.GeoLocation;

/** Enrichment providers for column tests: fixed answers, so a test sees exactly the values it sets up. */
public final class TestEnrichment {

    private TestEnrichment() {
    }

    /** No device detected, no geo database, direct traffic, no currency rates. */
    public static Enrichment offline() {
        return new Enrichment(headers -> Device.UNKNOWN, ip -> Optional.empty(),
                (page, referrer, ignore) -> new TrafficSource("direct", "none", ""),
                (base, quote, amount) -> OptionalDouble.empty());
    }

    /** {@link #offline()} with every address located at {@code location}. */
    public static Enrichment locatedAt(GeoLocation location) {
        Enrichment offline = offline();
        return new Enrichment(offline.devices(), ip -> Optional.of(location), offline.attribution(),
                offline.currencies());
    }

    /** {@link #offline()} with every request detected as {@code device}. */
    public static Enrichment detecting(Device device) {
        Enrichment offline = offline();
        return new Enrichment(headers -> device, offline.geo(), offline.attribution(), offline.currencies());
    }
}
