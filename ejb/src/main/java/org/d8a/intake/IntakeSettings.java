package org.d8a.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.d8a.config.ConfigReader;

/** The receiver's limit on what it accepts. */
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
}
