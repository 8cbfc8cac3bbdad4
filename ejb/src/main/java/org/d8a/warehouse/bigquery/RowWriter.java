package org.d8a.warehouse.bigquery;

import com.google.cloud.bigquery.TableId;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.WarehouseException;

/** One of the two ways rows reach a BigQuery table (spec/warehouses.md §3.5). */
interface RowWriter extends AutoCloseable {

    /** Writes one delivery chunk, all of its rows or none where BigQuery allows it; never called with no rows. */
    void write(TableId table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException;

    @Override
    void close();
}
