package org.d8a.warehouse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.d8a.config.ConfigReader;

/**
 * The warehouse keys every driver shares. Here rather than in {@code routing}, which chooses the driver by them,
 * because the files warehouse reads them too (its flush runs only when it is the driver), and routing uses it.
 */
@ApplicationScoped
public class WarehouseSettings {

    @Inject
    ConfigReader config;

    public WarehouseSettings() {
    }

    /** Settings read from {@code config}; for code that runs outside the container. */
    public WarehouseSettings(ConfigReader config) {
        this.config = config;
    }

    /** {@code warehouse.driver}: {@code files} (default here), {@code clickhouse}, {@code bigquery}, {@code console}, {@code noop}. */
    public String driver() {
        return config.string("warehouse.driver", "files");
    }

    /** {@code warehouse.table}, default {@code events}; an empty name is refused, not replaced by the default. */
    public String table() {
        String table = config.rawString("warehouse.table", "events");
        if (table.isBlank()) {
            throw new IllegalStateException("warehouse.table must not be empty");
        }
        return table;
    }
}
