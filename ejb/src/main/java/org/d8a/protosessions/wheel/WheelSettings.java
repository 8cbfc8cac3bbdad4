package org.d8a.protosessions.wheel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.d8a.config.ConfigReader;

/** The timing wheel's key. */
@ApplicationScoped
public class WheelSettings {

    @Inject
    ConfigReader config;

    public WheelSettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public WheelSettings(ConfigReader config) {
        this.config = config;
    }

    /**
     * {@code startup.skip_catch_up} (default false, spec/pipeline.md §7.2): the first wheel tick after deployment
     * closes everything overdue by the wall clock at once instead of following the backlog's data time. The
     * reference's environment variable {@code SKIP_CATCH_UP} is read too (MicroProfile finds it for the key
     * {@code skip_catch_up}).
     */
    public boolean skipCatchUp() {
        return config.bool("startup.skip_catch_up", config.bool("skip_catch_up", false));
    }
}
