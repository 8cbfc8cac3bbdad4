package org.d8a.warehouse;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * One kind of warehouse (spec/warehouses.md §1.1). The Arrow schema is the single source of truth for a table's
 * columns; {@link org.d8a.warehouse.schema.SchemaGuard} uses the first three operations to create a table or extend it
 * additively before rows are written.
 */
public interface WarehouseDriver extends AutoCloseable {

    /**
     * Creates {@code table} with every field of {@code schema}.
     *
     * @throws TableAlreadyExistsException when the table exists
     */
    void createTable(String table, Schema schema) throws WarehouseException;

    /**
     * Adds one column at the end of {@code table}.
     *
     * @throws ColumnAlreadyExistsException when a column of that name exists
     */
    void addColumn(String table, Field field) throws WarehouseException;

    /**
     * The fields of {@code schema} that {@code table} lacks, in schema order.
     *
     * @throws TableNotFoundException when the table does not exist
     * @throws TypeIncompatibleException naming every existing column whose type does not fit the schema
     */
    List<Field> missingColumns(String table, Schema schema) throws WarehouseException;

    /**
     * Writes {@code rows} to {@code table}. Called inside the delivery transaction: a driver that can take part in it
     * (the files driver does) writes exactly once; the others write at least once.
     *
     * @param rows values by field name; a missing key is a null
     * @throws WarehouseException when the rows could not be written; the delivery is retried
     */
    void write(String table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException;

    /**
     * Writes {@code rows} so that they stay invisible until {@link #publish} makes them visible: the delivery publishes
     * only after its transaction committed, and so writes exactly once to a warehouse that cannot take part in the
     * transaction but can hold rows back (BigQuery's pending streams). A driver that cannot stage writes the rows as
     * {@link #write} does and returns {@code null}.
     *
     * @return the name of the staged write, for {@link #publish}; {@code null} when the rows are written already
     * @throws WarehouseException when the rows could not be staged; nothing was staged
     */
    default String stage(String table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException {
        write(table, schema, rows);
        return null;
    }

    /**
     * Makes a staged write visible; publishing it again, after a crash, changes nothing.
     *
     * @param staging a name {@link #stage} returned
     * @throws WarehouseException when the warehouse cannot tell now; the delivery publishes again later
     */
    default Publication publish(String staging) throws WarehouseException {
        // A driver that stages nothing holds nothing of it (the configured driver changed since it was staged, say):
        // the staged rows were never visible, and the sessions are written again.
        return Publication.GONE;
    }

    /** Flushes and releases what the driver holds; called once, when the application stops. */
    @Override
    void close();
}
