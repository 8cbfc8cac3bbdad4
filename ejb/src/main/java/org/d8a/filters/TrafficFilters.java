package org.d8a.filters;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;

/**
 * The compiled traffic filter of every configured property. Compiled while the application deploys, so that a
 * condition whose expression does not compile fails the deployment with the condition's name.
 */
@ApplicationScoped
public class TrafficFilters {

    @Inject
    PropertyRegistry properties;

    private Map<String, TrafficFilter> byProperty = Map.of();

    @PostConstruct
    void compile() {
        Map<String, TrafficFilter> filters = new LinkedHashMap<>();
        for (PropertySettings property : properties.all()) {
            filters.put(property.id(), TrafficFilter.of(property.filter()));
        }
        byProperty = Map.copyOf(filters);
    }

    void compileAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        byProperty.size();
    }

    /** The filter of {@code property}, one of the configured properties. */
    public TrafficFilter of(PropertySettings property) {
        TrafficFilter filter = byProperty.get(property.id());
        return filter != null ? filter : TrafficFilter.of(property.filter());
    }
}
