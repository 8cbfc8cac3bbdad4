package org.d8a.enrich.currency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.d8a.config.ConfigReader;

/**
 * The currency provider's keys (spec §5): where the rate snapshots are kept ({@code currency.destination_directory}),
 * how often they are renewed ({@code currency.refresh_interval}, off in {@code airgapped} mode), and where they are
 * downloaded from ({@code currency.source_url}, {@code currency.fallback_url}, ours: URL templates with
 * {@code {base}}).
 */
@ApplicationScoped
public class CurrencySettings {

    /** The reference's sources; each is asked for one base currency at a time, {@code {base}} in lower case. */
    static final String DEFAULT_SOURCE =
            "https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@latest/v1/currencies/{base}.json";
    static final String DEFAULT_FALLBACK = "https://latest.currency-api.pages.dev/v1/currencies/{base}.json";

    @Inject
    ConfigReader config;

    public CurrencySettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public CurrencySettings(ConfigReader config) {
        this.config = config;
    }

    /** {@code currency.destination_directory}, default {@code ${jboss.server.data.dir}/d8a/currency}. */
    public Path directory() {
        return Path.of(config.string("currency.destination_directory",
                System.getProperty("jboss.server.data.dir", ".") + "/d8a/currency"));
    }

    /** {@code currency.refresh_interval} as configured, default 6h; 0 switches the download off. */
    public Duration refreshInterval() {
        return config.duration("currency.refresh_interval", "6h");
    }

    /** {@code airgapped}: nothing is downloaded, whatever the refresh interval says. */
    public boolean airgapped() {
        return config.bool("airgapped", false);
    }

    /** Whether new rates are downloaded: a positive refresh interval, and not air-gapped. */
    public boolean downloadsRates() {
        return !airgapped() && refreshInterval().compareTo(Duration.ZERO) > 0;
    }

    /** {@code currency.source_url}: where the rates of each base are downloaded first. */
    public String sourceUrl() {
        return template("currency.source_url", DEFAULT_SOURCE);
    }

    /** {@code currency.fallback_url}: where a base whose source failed is downloaded from instead. */
    public String fallbackUrl() {
        return template("currency.fallback_url", DEFAULT_FALLBACK);
    }

    private String template(String key, String defaultValue) {
        String template = config.string(key, defaultValue);
        if (!template.contains(RatesDownloader.BASE)) {
            throw new IllegalStateException("configuration key " + key + " must contain " + RatesDownloader.BASE
                    + " where the base currency goes, got \"" + template + "\"");
        }
        return template;
    }
}
