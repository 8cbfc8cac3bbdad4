package org.d8a.properties;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d8a.config.ConfigReader;

/**
 * Resolves properties by measurement id ({@code tid}) and by property id: the properties listed in the configuration,
 * and the default property (built from the reference's keys) for everything else, as the reference resolves every
 * lookup to its single property.
 */
@ApplicationScoped
public class PropertyRegistry {

    @Inject
    ConfigReader config;

    private PropertySettings defaultProperty;
    private Map<String, PropertySettings> byId = Map.of();
    private Map<String, PropertySettings> byMeasurementId = Map.of();
    private Map<String, PropertySettings> byFirebaseAppId = Map.of();

    public PropertyRegistry() {
    }

    /** A registry holding only {@code defaultProperty}; for code that runs outside the container. */
    public PropertyRegistry(PropertySettings defaultProperty) {
        this.defaultProperty = defaultProperty;
    }

    /** Reads the properties while the application deploys: invalid settings fail the deployment. */
    void loadAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        byId(null);
    }

    @PostConstruct
    void load() {
        PropertySettingsReader reader = new PropertySettingsReader(config);
        defaultProperty = reader.defaultProperty();
        Map<String, PropertySettings> ids = new LinkedHashMap<>();
        Map<String, PropertySettings> measurementIds = new LinkedHashMap<>();
        Map<String, PropertySettings> firebaseAppIds = new LinkedHashMap<>();
        ids.put(defaultProperty.id(), defaultProperty);
        for (PropertySettings property : reader.listedProperties()) {
            if (ids.put(property.id(), property) != null) {
                throw new IllegalArgumentException("property " + property.id() + " is configured twice");
            }
            if (!property.measurementId().equals("-")) {
                measurementIds.put(property.measurementId(), property);
            }
            if (!property.firebaseAppId().equals("-")) {
                firebaseAppIds.put(property.firebaseAppId(), property);
            }
        }
        byId = Map.copyOf(ids);
        byMeasurementId = Map.copyOf(measurementIds);
        byFirebaseAppId = Map.copyOf(firebaseAppIds);
    }

    public PropertySettings byMeasurementId(String measurementId) {
        return byMeasurementId.getOrDefault(measurementId, defaultProperty);
    }

    /** The property of a Measurement Protocol app stream; like a measurement id, any other id is the default's. */
    public PropertySettings byFirebaseAppId(String firebaseAppId) {
        return byFirebaseAppId.getOrDefault(firebaseAppId, defaultProperty);
    }

    public PropertySettings byId(String propertyId) {
        return propertyId == null ? defaultProperty : byId.getOrDefault(propertyId, defaultProperty);
    }

    /** Every configured property, the default first. */
    public Collection<PropertySettings> all() {
        return defaultProperty == null ? byId.values() : byIdWithDefault();
    }

    private Collection<PropertySettings> byIdWithDefault() {
        Map<String, PropertySettings> all = new LinkedHashMap<>();
        all.put(defaultProperty.id(), defaultProperty);
        all.putAll(byId);
        return all.values();
    }
}
