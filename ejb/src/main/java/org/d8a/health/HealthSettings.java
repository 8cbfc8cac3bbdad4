package org.d8a.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.d8a.config.ConfigReader;

/** The keys of the health checks (ours, not the reference's: it has only {@code /healthz}). */
@ApplicationScoped
public class HealthSettings {

    @Inject
    ConfigReader config;

    public HealthSettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public HealthSettings(ConfigReader config) {
        this.config = config;
    }

    /** {@code health.spool_max_age}: how long a closed session may wait in the spool before readiness is DOWN. */
    public Duration spoolMaxAge() {
        return config.duration("health.spool_max_age", "15m");
    }

    /** {@code health.wheel_max_silence}: how long the timing wheel may go without a completed tick. */
    public Duration wheelMaxSilence() {
        return config.duration("health.wheel_max_silence", "30s");
    }
}
