package org.d8a.warehouse;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.d8a.columns.ColumnCatalog;
import org.d8a.properties.PropertyRegistry;
import org.d8a.properties.PropertySettings;
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

    /**
     * @return the ids of the properties whose table is up to date
     * @throws WarehouseException naming the property whose table could not be migrated
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> migrateAll() throws WarehouseException {
        List<String> migrated = new ArrayList<>();
        for (PropertySettings property : properties.all()) {
            try {
                SchemaGuard.ensure(warehouses.forProperty(property.id()), warehouses.table(),
                        columns.forProperty(property.id()).tableSchema());
            } catch (WarehouseException e) {
                throw new WarehouseException("migrating the table of property " + property.id() + " failed: "
                        + e.getMessage(), e);
            }
            migrated.add(property.id());
        }
        return migrated;
    }
}
