package org.d8a.warehouse.routing;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.d8a.catalog.ColumnCatalog;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
import org.d8a.warehouse.TypeIncompatibleException;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.schema.IncompatibleTables;
import org.d8a.warehouse.schema.SchemaGuard;

/** Creates or extends the warehouse table of every property to its current columns (the {@code migrate} job). */
@Stateless
public class WarehouseMigrations {

    @Inject
    PropertyRegistry properties;

    @Inject
    ColumnCatalog columns;

    @Inject
    Warehouses warehouses;

    @Inject
    IncompatibleTables incompatibleTables;

    /**
     * Migrates every property's table, each on its own: a table that cannot be migrated does not keep the others from
     * being migrated.
     *
     * @return the ids of the properties whose table is up to date
     * @throws WarehouseException naming every property whose table could not be migrated, and why
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> migrateAll() throws WarehouseException {
        List<String> migrated = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (PropertySettings property : properties.all()) {
            try {
                SchemaGuard.ensure(warehouses.driver(), warehouses.tableOf(property.id()),
                        columns.forProperty(property.id()).tableSchema());
                incompatibleTables.fits(property.id());
                migrated.add(property.id());
            } catch (TypeIncompatibleException e) {
                incompatibleTables.found(property.id(), e);
                failures.add("property " + property.id() + ": " + e.getMessage());
            } catch (WarehouseException e) {
                failures.add("property " + property.id() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new WarehouseException("migrating the warehouse tables failed for " + String.join("; ", failures));
        }
        return migrated;
    }
}
