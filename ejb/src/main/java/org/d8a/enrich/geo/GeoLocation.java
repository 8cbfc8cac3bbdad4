package org.d8a.enrich.geo;

/**
 * The English names a geo database gives an address (spec §6.1). As in the reference, city, country and continent
 * are {@code ""} when the database has no entry or no name for the address; the region is null then.
 */
public record GeoLocation(String city, String region, String country, String continent) {
}
