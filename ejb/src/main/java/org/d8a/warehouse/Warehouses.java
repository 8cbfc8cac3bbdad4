package org.d8a.warehouse;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.d8a.config.D8aConfig;
import org.d8a.warehouse.files.FilesWarehouseDriver;

/** The warehouse driver of each property, chosen by {@code warehouse.driver}. */
@ApplicationScoped
public class Warehouses {

    @Inject
    D8aConfig config;

    @Inject
    FilesWarehouseDriver files;

    private WarehouseDriver defaultDriver;

    /** Chooses the driver while the application deploys: an unknown driver or format fails the deployment. */
    void selectAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployment) {
        forProperty(null);
    }

    @PostConstruct
    void select() {
        String driver = config.warehouseDriver();
        defaultDriver = switch (driver) {
            case "files" -> {
                files.validate();
                yield files;
            }
            default -> throw new IllegalStateException("warehouse.driver " + driver + " is not supported; use files");
        };
    }

    public WarehouseDriver forProperty(String propertyId) {
        return defaultDriver;
    }

    public String table() {
        return config.warehouseTable();
    }
}
