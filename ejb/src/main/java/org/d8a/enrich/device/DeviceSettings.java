package org.d8a.enrich.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.d8a.config.ConfigReader;

/** Device detection's key, {@code device_detector.provider} (spec/pipeline.md §7.2). */
@ApplicationScoped
public class DeviceSettings {

    static final String PROVIDER = "device_detector.provider";

    /** The providers the key names. */
    public enum Provider {
        /** Matomo DeviceDetector's rules and the client hints, as the reference's dd2 library. */
        DD2,
        /** No detection: every device column is null. */
        STUB;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    ConfigReader config;

    public DeviceSettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public DeviceSettings(ConfigReader config) {
        this.config = config;
    }

    /** {@code device_detector.provider}, default {@code dd2}; any other value stops the deployment (the reference panics). */
    public Provider provider() {
        String value = config.string(PROVIDER, Provider.DD2.key());
        return Arrays.stream(Provider.values()).filter(provider -> provider.key().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("configuration key " + PROVIDER + " must be one of "
                        + Arrays.stream(Provider.values()).map(Provider::key).collect(Collectors.joining(", "))
                        + ", got \"" + value + "\""));
    }
}
