package org.d8a.protocol.matomo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.d8a.config.ConfigReader;

/** The Matomo protocol's keys: {@code matomo.tracking_endpoints} (also {@code MATOMO_TRACKING_ENDPOINTS}). */
@ApplicationScoped
public class MatomoSettings {

    @Inject
    ConfigReader config;

    public MatomoSettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public MatomoSettings(ConfigReader config) {
        this.config = config;
    }

    /** Every path Matomo requests are accepted on, normalised as the reference does. */
    public List<String> trackingEndpoints() {
        return TrackingEndpoints.normalise(config.list("matomo.tracking_endpoints"));
    }
}
