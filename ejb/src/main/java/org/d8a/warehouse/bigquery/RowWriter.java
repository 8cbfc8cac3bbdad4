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

    /**
     * Writes one delivery chunk invisibly where this writer can, for {@link PendingStreamCommits}; otherwise as
     * {@link #write}.
     *
     * @return the staged write's name, or {@code null} when the rows are written already
     */
    default String stage(TableId table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException {
        write(table, schema, rows);
        return null;
    }

    @Override
    void close();
}
