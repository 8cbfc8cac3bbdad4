package org.d8a.enrich.device;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The device detector of the application: the provider that {@code device_detector.provider} names, behind the
 * 30-second cache. Built while the application deploys, so that a wrong provider stops the deployment and the first
 * hits do not wait for Matomo's rules to be compiled (see {@link MatomoUserAgentParser} for what that costs).
 */
@ApplicationScoped
public class ConfiguredDeviceDetector implements DeviceDetector {

    private static final Logger LOG = Logger.getLogger(ConfiguredDeviceDetector.class.getName());

    @Inject
    DeviceSettings settings;

    private DeviceDetector provider;

    @PostConstruct
    void build() {
        long start = System.nanoTime();
        DeviceSettings.Provider configured = settings.provider();
        provider = of(configured);
        LOG.info(() -> "device detection: " + configured.key() + ", built in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** Observing the deployment's start creates this bean, and so builds the provider, before the first hit. */
    void buildAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        // the container has called build() by now: nothing left to do
    }

    @Override
    public Device detect(DeviceHeaders headers) {
        return provider.detect(headers);
    }

    /** The detector of a provider; usable without the container. */
    static DeviceDetector of(DeviceSettings.Provider provider) {
        return switch (provider) {
            case DD2 -> new CachedDeviceDetector(new HintedDeviceDetector(new MatomoUserAgentParser()));
            case STUB -> headers -> Device.UNKNOWN;
        };
    }
}
