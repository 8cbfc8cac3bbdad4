package org.d8a.warehouse.noop;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.SchemalessDriver;

/** {@code warehouse.driver: noop}: every operation succeeds and rows are discarded (load tests, dry runs). */
public class NoopDriver implements SchemalessDriver {

    @Override
    public void write(String table, Schema schema, List<Map<String, Object>> rows) {
    }

    @Override
    public void close() {
    }
}
