package org.d8a.health.checks;

import java.util.Map;

/**
 * The answer of one health check: its name, whether it is up, and what it measured. The checks of this package hand
 * it to MicroProfile Health, which WildFly serves on the management interface.
 */
public record Probe(String name, boolean up, Map<String, Object> data) {

    public Probe {
        data = Map.copyOf(data);
    }
}
