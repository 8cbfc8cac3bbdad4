package org.d8a.enrich.currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.d8a.config.TestConfig;
import org.junit.jupiter.api.Test;

/** The currency keys: the reference's defaults, {@code 0} and {@code airgapped} switching the download off. */
class CurrencySettingsTest {

    @Test
    void theDefaultsDownloadEverySixHoursFromTheReferencesSources() {
        CurrencySettings settings = new CurrencySettings(TestConfig.of(Map.of()));
        assertEquals(Duration.ofHours(6), settings.refreshInterval());
        assertTrue(settings.downloadsRates());
        assertEquals(Path.of(System.getProperty("jboss.server.data.dir", ".") + "/d8a/currency"),
                settings.directory());
        assertEquals("https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@latest/v1/currencies/{base}.json",
                settings.sourceUrl());
        assertEquals("https://latest.currency-api.pages.dev/v1/currencies/{base}.json", settings.fallbackUrl());
    }

    @Test
    void zeroOrAirgappedSwitchesTheDownloadOff() {
        assertFalse(new CurrencySettings(TestConfig.of(Map.of("currency.refresh_interval", "0"))).downloadsRates());
        CurrencySettings airgapped = new CurrencySettings(TestConfig.of(Map.of("airgapped", "true",
                "currency.refresh_interval", "1h")));
        assertEquals(Duration.ofHours(1), airgapped.refreshInterval());
        assertFalse(airgapped.downloadsRates());
    }

    @Test
    void aSourceWithoutThePlaceOfTheBaseIsRefusedNamingTheKey() {
        CurrencySettings settings = new CurrencySettings(TestConfig.of(Map.of("currency.source_url",
                "https://rates.example/latest.json")));
        IllegalStateException refused = assertThrows(IllegalStateException.class, settings::sourceUrl);
        assertTrue(refused.getMessage().contains("currency.source_url"), refused.getMessage());
    }
}
