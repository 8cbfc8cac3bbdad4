package org.d8a.enrich.geo;

import java.util.Optional;

/** Locates an IP address in the current geo database. Thread-safe. */
public interface GeoLocator {

    /**
     * The location of {@code ip} (already masked: it is looked up as it is); empty when no lookup is possible (geo
     * disabled, no readable database, an address that does not parse), which makes every geo column null.
     */
    Optional<GeoLocation> locate(String ip);
}
