package org.d8a.warehouse.noop;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.WarehouseDriver;

/** {@code warehouse.driver: noop}: every operation succeeds and rows are discarded (load tests, dry runs). */
public class NoopDriver implements WarehouseDriver {

    @Override
    public void createTable(String table, Schema schema) {
    }

    @Override
    public void addColumn(String table, Field field) {
    }

    @Override
    public List<Field> missingColumns(String table, Schema schema) {
        return List.of();
    }

    @Override
    public void write(String table, Schema schema, List<Map<String, Object>> rows) {
    }

    @Override
    public void close() {
    }
}
