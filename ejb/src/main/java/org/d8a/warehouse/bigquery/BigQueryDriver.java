package org.d8a.warehouse.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.d8a.warehouse.ColumnAlreadyExistsException;
import org.d8a.warehouse.Publication;
import org.d8a.warehouse.TableAlreadyExistsException;
import org.d8a.warehouse.TableNotFoundException;
import org.d8a.warehouse.UnsupportedMappingException;
import org.d8a.warehouse.WarehouseDriver;
import org.d8a.warehouse.WarehouseException;
import org.d8a.warehouse.schema.MissingColumns;

/**
 * The BigQuery warehouse (spec/warehouses.md §3) with Google's client library: tables in one dataset, created with the
 * configured time partitioning, extended one nullable column at a time under the table's ETag, written by the
 * configured {@link RowWriter}.
 */
public class BigQueryDriver implements WarehouseDriver {

    private final BigQuery bigquery;
    private final String dataset;
    private final TablePartitioning partitioning;
    private final TableVisibility visibility;
    private final RowWriter writer;
    private final PendingStreamCommits commits;

    BigQueryDriver(BigQuery bigquery, String dataset, TablePartitioning partitioning, TableVisibility visibility,
            RowWriter writer, PendingStreamCommits commits) {
        this.bigquery = bigquery;
        this.dataset = dataset;
        this.partitioning = partitioning;
        this.visibility = visibility;
        this.writer = writer;
        this.commits = commits;
    }

    @Override
    public void createTable(String table, Schema schema) throws WarehouseException {
        StandardTableDefinition.Builder definition = StandardTableDefinition.newBuilder()
                .setSchema(com.google.cloud.bigquery.Schema.of(columns(schema.getFields())));
        TimePartitioning timePartitioning = partitioning.forTable();
        if (timePartitioning != null) {
            definition.setTimePartitioning(timePartitioning);
        }
        try {
            bigquery.create(TableInfo.of(id(table), definition.build()));
        } catch (BigQueryException e) {
            if (e.getCode() == 409) {
                throw new TableAlreadyExistsException(name(table));
            }
            throw new WarehouseException("error creating table " + name(table) + ": " + e.getMessage(), e);
        }
        visibility.await(id(table), name(table));
    }

    @Override
    public void addColumn(String table, Field field) throws WarehouseException {
        Table existing = table(table);
        FieldList columns = existing.getDefinition().getSchema() == null ? FieldList.of()
                : existing.getDefinition().getSchema().getFields();
        if (columns.stream().anyMatch(column -> column.getName().equals(field.getName()))) {
            throw new ColumnAlreadyExistsException(name(table), field.getName());
        }
        com.google.cloud.bigquery.Field column;
        try {
            column = BigQueryTypes.toBigQuery(field);
        } catch (UnsupportedMappingException e) {
            throw new WarehouseException("error converting field type: " + e.getMessage(), e);
        }
        List<com.google.cloud.bigquery.Field> extended = new ArrayList<>(columns);
        extended.add(column);
        TableDefinition definition = existing.getDefinition().toBuilder()
                .setSchema(com.google.cloud.bigquery.Schema.of(extended)).build();
        try {
            // The table as read, ETag included: a schema changed since the read is refused (412), not overwritten.
            bigquery.update(existing.toBuilder().setDefinition(definition).build());
        } catch (BigQueryException e) {
            if (e.getCode() == 409) {
                throw new ColumnAlreadyExistsException(name(table), field.getName());
            }
            if (e.getCode() == 412) {
                throw new WarehouseException("error adding column: table " + name(table)
                        + " changed since it was read (ETag mismatch): " + e.getMessage(), e);
            }
            throw new WarehouseException("error adding column: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Field> missingColumns(String table, Schema schema) throws WarehouseException {
        Table existing = table(table);
        Map<String, Field> columns = new LinkedHashMap<>();
        com.google.cloud.bigquery.Schema current = existing.getDefinition().getSchema();
        if (current != null) {
            for (com.google.cloud.bigquery.Field column : current.getFields()) {
                columns.put(column.getName(), BigQueryTypes.toArrow(column));
            }
        }
        return MissingColumns.find(name(table), columns, schema, new BigQueryCompatibility());
    }

    @Override
    public void write(String table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException {
        if (rows.isEmpty()) {
            return;
        }
        writer.write(id(table), schema, rows);
    }

    @Override
    public String stage(String table, Schema schema, List<Map<String, Object>> rows) throws WarehouseException {
        if (rows.isEmpty()) {
            return null;
        }
        return writer.stage(id(table), schema, rows);
    }

    @Override
    public Publication publish(String staging) throws WarehouseException {
        // Whatever the writer is now: a stream staged before a change of writer_type is committed all the same.
        return commits.publish(staging);
    }

    @Override
    public void close() {
        writer.close();
        commits.close();
    }

    private Table table(String table) throws WarehouseException {
        Table existing;
        try {
            existing = bigquery.getTable(id(table));
        } catch (BigQueryException e) {
            throw new WarehouseException("error reading table " + name(table) + ": " + e.getMessage(), e);
        }
        if (existing == null) {
            throw new TableNotFoundException(name(table));
        }
        return existing;
    }

    private static List<com.google.cloud.bigquery.Field> columns(List<Field> fields)
            throws UnsupportedMappingException {
        List<com.google.cloud.bigquery.Field> columns = new ArrayList<>();
        for (Field field : fields) {
            columns.add(BigQueryTypes.toBigQuery(field));
        }
        return columns;
    }

    private TableId id(String table) {
        return TableId.of(dataset, table);
    }

    /** Tables as errors name them: {@code dataset.table}. */
    private String name(String table) {
        return dataset + "." + table;
    }
}
