package org.d8a.properties;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.d8a.config.D8aConfig;

/**
 * Resolves properties by measurement id ({@code tid}) and by property id. Until per-property settings exist, every
 * lookup resolves to the default property built from configuration, as in the reference.
 */
@ApplicationScoped
public class PropertyRegistry {

    @Inject
    D8aConfig config;

    private PropertySettings defaultProperty;

    public PropertyRegistry() {
    }

    /** A registry holding only {@code defaultProperty}; for code that runs outside the container. */
    public PropertyRegistry(PropertySettings defaultProperty) {
        this.defaultProperty = defaultProperty;
    }

    @PostConstruct
    void load() {
        defaultProperty = new PropertySettings(config.propertyId(), config.propertyName(), "-", config.protocol(),
                config.sessionTimeout(), config.excludedUrlParams(), config.ipMaskingLevel());
        if (defaultProperty.ipMaskingLevel() == 4 && config.joinBySessionStamp()) {
            throw new IllegalStateException("property " + defaultProperty.id() + ": ip_masking_level 4 leaves no "
                    + "address to tell visitors apart; set sessions.join_by_session_stamp to false or use a lower level");
        }
    }

    public PropertySettings byMeasurementId(String measurementId) {
        return defaultProperty;
    }

    public PropertySettings byId(String propertyId) {
        return defaultProperty;
    }
}
