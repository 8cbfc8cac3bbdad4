package org.d8a.warehouse.routing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.warehouse.WarehouseDriver;
import org.d8a.warehouse.WarehouseSettings;
import org.d8a.warehouse.bigquery.BigQueryClients;
import org.d8a.warehouse.bigquery.BigQuerySettings;
import org.d8a.warehouse.clickhouse.ClickHouseDataSources;
import org.d8a.warehouse.clickhouse.ClickHouseSettings;
import org.d8a.warehouse.console.ConsoleDriver;
import org.d8a.warehouse.files.FilesWarehouseDriver;
import org.d8a.warehouse.noop.NoopDriver;

/**
 * Where each property's rows go: the warehouse driver, one for every property, chosen by {@code warehouse.driver}, and
 * the property's table ({@code warehouse.table}, which a property of the {@code properties} list may set for itself).
 */
@ApplicationScoped
public class Warehouses {

    @Inject
    WarehouseSettings settings;

    @Inject
    ClickHouseSettings clickhouse;

    @Inject
    BigQuerySettings bigquery;

    @Inject
    FilesWarehouseDriver files;

    @Inject
    PropertyRegistry properties;

    private WarehouseDriver defaultDriver;
    /** A driver this bean made (not a CDI bean of its own), closed when the application stops. */
    private WarehouseDriver created;

    /** Chooses the driver while the application deploys: an unknown driver or format fails the deployment. */
    void selectAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        driver();
    }

    @PostConstruct
    void select() {
        settings.table();
        for (PropertySettings property : properties.all()) {
            if (property.warehouseTable().isBlank()) {
                throw new IllegalStateException("property " + property.id() + ": warehouse.table must not be empty");
            }
        }
        String driver = settings.driver();
        defaultDriver = switch (driver) {
            case "files" -> {
                files.validate();
                yield files;
            }
            case "clickhouse" -> created = ClickHouseDataSources.driver(clickhouse);
            case "bigquery" -> created = BigQueryClients.driver(bigquery);
            case "console" -> new ConsoleDriver();
            case "noop" -> new NoopDriver();
            default -> throw new IllegalStateException("warehouse.driver " + driver
                    + " is not supported; use files, clickhouse, bigquery, console or noop");
        };
    }

    @PreDestroy
    void close() {
        if (created != null) {
            created.close();
        }
    }

    /** The name of that driver ({@code warehouse.driver}), the {@code warehouse} label of the delivery metrics. */
    public String driverName() {
        return settings.driver();
    }

    /** The driver every property's rows are written with. */
    public WarehouseDriver driver() {
        return defaultDriver;
    }

    /** The table {@code propertyId}'s rows are written to; an unknown property's is the default property's. */
    public String tableOf(String propertyId) {
        return properties.byId(propertyId).warehouseTable();
    }
}
