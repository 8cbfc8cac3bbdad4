package org.d8a.warehouse.schema;

import java.util.List;
import java.util.logging.Logger;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.TableAlreadyExistsException;
import org.d8a.warehouse.WarehouseDriver;
import org.d8a.warehouse.WarehouseException;

/**
 * Brings a table up to a schema, additively (spec/warehouses.md §1.2): create it, or find the columns it lacks and add
 * them in schema order. Columns the schema no longer has are left alone; an existing column of another type stops the
 * migration with an error that names it.
 */
public final class SchemaGuard {

    private static final Logger LOG = Logger.getLogger(SchemaGuard.class.getName());

    private SchemaGuard() {
    }

    /** @return the columns that were added (all of them when the table was created) */
    public static List<Field> ensure(WarehouseDriver driver, String table, Schema schema) throws WarehouseException {
        try {
            driver.createTable(table, schema);
            LOG.info(() -> "created table " + table + " with " + schema.getFields().size() + " columns");
            return schema.getFields();
        } catch (TableAlreadyExistsException e) {
            LOG.fine(() -> "table " + table + " exists; comparing its columns");
        }
        List<Field> missing = driver.missingColumns(table, schema);
        for (Field field : missing) {
            driver.addColumn(table, field);
            LOG.info(() -> "added column " + field.getName() + " to table " + table);
        }
        return missing;
    }
}
