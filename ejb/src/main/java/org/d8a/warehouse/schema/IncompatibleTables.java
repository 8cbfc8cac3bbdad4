package org.d8a.warehouse.schema;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.d8a.warehouse.TypeIncompatibleException;
import org.d8a.warehouse.WarehouseException;

/**
 * The properties whose warehouse table has a column of another type than their schema, as the last migration found.
 * Delivery to such a table stops (its sessions stay spooled, the spool reports why) until a migration finds the table
 * fitting again: writing rows into columns of the wrong type would fail row by row or, worse, convert them.
 */
@ApplicationScoped
public class IncompatibleTables {

    private final Map<String, TypeIncompatibleException> byProperty = new ConcurrentHashMap<>();

    public void found(String propertyId, TypeIncompatibleException incompatibility) {
        byProperty.put(propertyId, incompatibility);
    }

    public void fits(String propertyId) {
        byProperty.remove(propertyId);
    }

    /** @throws WarehouseException naming the table, every column, its existing and its expected type */
    public void checkWritable(String propertyId) throws WarehouseException {
        TypeIncompatibleException incompatibility = byProperty.get(propertyId);
        if (incompatibility != null) {
            throw new WarehouseException("delivery to the table stopped until it fits the columns again (fix the "
                    + "table, then POST /spool/migrate): " + incompatibility.getMessage(), incompatibility);
        }
    }
}
