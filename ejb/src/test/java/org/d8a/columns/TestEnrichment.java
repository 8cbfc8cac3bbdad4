package org.d8a.columns;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.d8a.enrich.Enrichment;
import org.d8a.config.TestConfig;
import org.d8a.enrich.attribution.Attribution;
import org.d8a.enrich.attribution.ListAttribution;
import org.d8a.enrich.device.Device;
import org.d8a.enrich.geo.GeoLocation;

/** Enrichment providers for column tests: fixed answers, so a test sees exactly the values it sets up. */
public final class TestEnrichment {

    private TestEnrichment() {
    }

    /** The built-in source lists, loaded once for every test. */
    private static final Attribution ATTRIBUTION = new ListAttribution(TestConfig.of(Map.of()));

    /** No device detected, no geo database, no currency rates; the built-in attribution. */
    public static Enrichment offline() {
        return new Enrichment(headers -> Device.UNKNOWN, ip -> Optional.empty(), ATTRIBUTION,
                (base, quote, amount) -> OptionalDouble.empty());
    }

    /** {@link #offline()} with the spec's dummy converter: any amount times {@code factor}. */
    public static Enrichment converting(double factor) {
        Enrichment offline = offline();
        return new Enrichment(offline.devices(), offline.geo(), offline.attribution(),
                (base, quote, amount) -> OptionalDouble.of(amount * factor));
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
