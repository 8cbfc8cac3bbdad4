package org.d8a.warehouse;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A warehouse without tables to create or extend: every write carries its own schema (the files warehouse starts a
 * new {@code schema=<fingerprint>} path when the columns change; console and noop keep nothing), so the schema guard
 * finds nothing to do (spec/warehouses.md §1.1, §4.1).
 */
public interface SchemalessDriver extends WarehouseDriver {

    @Override
    default void createTable(String table, Schema schema) {
    }

    @Override
    default void addColumn(String table, Field field) {
    }

    @Override
    default List<Field> missingColumns(String table, Schema schema) {
        return List.of();
    }
}
