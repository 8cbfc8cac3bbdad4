package org.d8a.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.d8a.config.ConfigReader;
import org.d8a.intake.ratelimit.RateLimit;

/**
 * The receiver's limits on what it accepts: the size of a hit, the lines of a body, and the request rate of one client
 * address.
 */
@ApplicationScoped
public class IntakeSettings {

    @Inject
    ConfigReader config;

    public IntakeSettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public IntakeSettings(ConfigReader config) {
        this.config = config;
    }

    /** {@code receiver.max_hit_kbytes}: the size limit of one hit, in KiB. */
    public int maxHitKbytes() {
        return config.integer("receiver.max_hit_kbytes", 128);
    }

    /**
     * {@code receiver.max_body_lines}: the most lines a POST body may have (the non-blank lines of a GA4 or d8a body,
     * the entries of a Matomo bulk request), {@code 0} for no limit. gtag.js sends a few dozen events at most and
     * Matomo's log importer 200 per bulk request; the default leaves room for both and bounds what one request may
     * make the receiver parse and hold.
     */
    public int maxBodyLines() {
        int lines = config.integer("receiver.max_body_lines", 1000);
        if (lines < 0) {
            throw new IllegalStateException("configuration key receiver.max_body_lines must be 0 (no limit) or "
                    + "positive, got " + lines);
        }
        return lines;
    }

    /**
     * {@code receiver.rate_limit}, {@code receiver.rate_limit_burst} and {@code receiver.rate_limit_addresses}: the
     * requests per second one client address may send on average, how many at once, and how many addresses are held
     * at a time; empty when {@code receiver.rate_limit} is {@code 0}, the default (a private deployment behind its own
     * gateway needs none). The burst defaults to twice the rate, at least 10: a page view sends a few hits at once.
     */
    public Optional<RateLimit> rateLimit() {
        int perSecond = config.integer("receiver.rate_limit", 0);
        if (perSecond < 0) {
            throw new IllegalStateException("configuration key receiver.rate_limit must be 0 (off) or positive, got "
                    + perSecond);
        }
        if (perSecond == 0) {
            return Optional.empty();
        }
        int burst = config.integer("receiver.rate_limit_burst", Math.max(10, 2 * perSecond));
        int addresses = config.integer("receiver.rate_limit_addresses", 100_000);
        if (burst <= 0 || addresses <= 0) {
            throw new IllegalStateException("configuration keys receiver.rate_limit_burst and "
                    + "receiver.rate_limit_addresses must be positive, got " + burst + " and " + addresses);
        }
        return Optional.of(new RateLimit(perSecond, burst, addresses));
    }
}
