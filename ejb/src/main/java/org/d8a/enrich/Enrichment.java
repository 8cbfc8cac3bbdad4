package org.d8a.enrich;

import org.d8a.enrich.attribution.Attribution;
import org.d8a.enrich.currency.CurrencyConverter;
import org.d8a.enrich.device.DeviceDetector;
import org.d8a.enrich.geo.GeoLocator;

/** The enrichment providers the columns of every property use: device detection, geo, attribution, currency. */
public record Enrichment(DeviceDetector devices, GeoLocator geo, Attribution attribution,
        CurrencyConverter currencies) {
}
