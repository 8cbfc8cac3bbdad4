package org.d8a.warehouse;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;

/** Writes rows to one kind of warehouse. The schema (Arrow) is the single source of truth for the table's columns. */
public interface WarehouseDriver {

    /**
     * Writes {@code rows} to {@code table}, creating or extending the table as the schema requires. Called inside the
     * delivery transaction: a driver that can take part in it (the files driver does) writes exactly once.
     *
     * @param rows values by field name; a missing key is a null
     * @throws WarehouseException when the rows could not be written; the delivery is retried
     */
    void write(String table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException;

    /**
     * Creates {@code table}, or extends it to {@code schema}, before any row arrives (the {@code migrate} job). The
     * default writes no rows, which creates or extends the table as every write does.
     *
     * @throws WarehouseException when the table cannot be created or extended
     */
    default void migrate(String table, Schema schema) throws WarehouseException {
        write(table, schema, List.of());
    }
}
